package org.sitekeeper.itests.support;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * One Sitekeeper server made from the unpacked distribution: its own copy under {@code target/instances/<name>},
 * its own free ports, started with {@code bin/karaf server} and stopped with {@code bin/stop}.
 */
public final class Hub implements AutoCloseable {

    public static final String ADMIN = "admin";
    /** The first admin's password, given through SITEKEEPER_ADMIN_PASSWORD on the first start. */
    public static final String ADMIN_PASSWORD = "it-admin-Passw0rd-2f9c";

    /** The notifications routes a started hub must serve: each resource joins the REST application on its own. */
    private static final List<String> NOTIFICATION_ROUTES = List.of(
            "/api/v1/notifications?limit=1",
            "/api/v1/notifications/channels",
            "/api/v1/notifications/rules",
            "/api/v1/notifications/silences",
            "/api/v1/notifications/inbox?limit=1",
            "/api/v1/notifications/stats");

    private static final Duration BOOT_DEADLINE = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 200;
    private static final Set<Hub> RUNNING = new CopyOnWriteArraySet<>();

    private final String name;
    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private boolean sitesExpected = true;
    private boolean notificationsExpected = true;
    private Process process;

    private Hub(String name, Path home, int[] ports) {
        this.name = name;
        this.home = home;
        this.httpPort = ports[0];
        this.sshPort = ports[1];
        setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(ports[0]));
        setConfig("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ports[1]));
        setConfig("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(ports[2]));
        setConfig("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ports[3]));
    }

    /** A fresh instance named {@code name}: a new copy of the distribution with free ports; not started. */
    public static Hub create(String name) {
        Path dist = Path.of(requiredProperty("sitekeeper.dist"));
        if (!Files.isRegularFile(dist.resolve("bin/karaf"))) {
            throw new IllegalStateException("no unpacked distribution at " + dist + " (run through Maven: mvn verify)");
        }
        Path home = Path.of(requiredProperty("sitekeeper.instances")).resolve(name);
        try {
            InstanceFiles.delete(home);
            InstanceFiles.copy(dist, home);
            InstanceFiles.makeScriptsExecutable(home.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the instance " + home, e);
        }
        return new Hub(name, home, Ports.free(4));
    }

    /** Whether start waits for the sites capability to answer too (default yes). */
    public Hub expectSites(boolean expected) {
        this.sitesExpected = expected;
        return this;
    }

    /** Writes {@code etc/<file>} (replacing it) before start. */
    public Hub writeConfig(String file, String content) {
        try {
            Files.writeString(home.resolve("etc").resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The current text of {@code etc/<file>}. */
    public String config(String file) {
        try {
            return Files.readString(home.resolve("etc").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code key = value} in {@code etc/<file>}, replacing the key's line or adding one. */
    public Hub setConfig(String file, String key, String value) {
        String text = Files.exists(home.resolve("etc").resolve(file)) ? config(file) : "";
        Matcher line =
                Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String entry = key + " = " + value;
        String changed = line.find()
                ? line.replaceFirst(Matcher.quoteReplacement(entry))
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + entry + "\n";
        return writeConfig(file, changed);
    }

    /** Whether start waits for notifications to answer too (default yes). */
    public Hub expectNotifications(boolean expected) {
        this.notificationsExpected = expected;
        return this;
    }

    /** Starts the server and waits until REST answers (and the site registry and notifications, when expected). */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("console.log").toFile()));
        builder.environment().put("SITEKEEPER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KARAF_EXEC", "exec"); // the process is the JVM itself, not a shell around it
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + home.resolve("bin/karaf"), e);
        }
        RUNNING.add(this);
        try {
            await("hub " + name + " ready")
                    .atMost(BOOT_DEADLINE)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(this::ready);
        } catch (ConditionTimeoutException | IllegalStateException e) {
            printLogTail(System.err);
            stop();
            throw new AssertionError("hub " + name + " did not become ready: " + e.getMessage(), e);
        }
        System.out.printf(
                "[itests] hub %s ready in %.1f s (http %d, ssh %d)%n",
                name, (System.nanoTime() - started) / 1e9, httpPort, sshPort);
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server process exited with " + process.exitValue());
        }
        if (api().get("/api/v1/system/health").status() != 200) {
            return false;
        }
        return (!sitesExpected || admin().get("/api/v1/sites?limit=1").status() == 200)
                && (!notificationsExpected
                        || NOTIFICATION_ROUTES.stream()
                                .allMatch(path -> admin().get(path).status() == 200));
    }

    /** {@code bin/stop}, then waits for the JVM to end; destroys it if it is still alive after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/stop").toString())
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("console.log").toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process stop = builder.start();
            stop.getOutputStream().close();
            stop.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[itests] hub " + name + " ignored bin/stop for " + STOP_GRACE + "; destroying it");
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("bin/stop failed for " + name, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
            RUNNING.remove(this);
        }
    }

    /** Kills the server process at once (SIGKILL), as a crash or a pulled plug would: no clean shutdown at all. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
            RUNNING.remove(this);
        }
    }

    /** Stops and starts the same instance. */
    public void restart() {
        restart(() -> {});
    }

    /** Stops, runs {@code whileStopped} (e.g. to read files the server only writes on shutdown), starts again. */
    public void restart(Runnable whileStopped) {
        stop();
        whileStopped.run();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** REST without credentials. */
    public Api api() {
        return new Api(baseUri(), null);
    }

    /** REST as the first admin. */
    public Api admin() {
        return api().as(ADMIN, ADMIN_PASSWORD);
    }

    /** Runs a shell command over SSH as {@code user}. */
    public ShellResult ssh(String user, String password, String command) {
        return Ssh.exec(sshPort, user, password, command);
    }

    /** Runs a shell command over SSH as the first admin. */
    public ShellResult sshAdmin(String command) {
        return ssh(ADMIN, ADMIN_PASSWORD, command);
    }

    /** A file under {@code data/log}. */
    public Path logFile(String file) {
        return home.resolve("data/log").resolve(file);
    }

    /** The last {@code lines} lines of {@code data/log/karaf.log}. */
    public List<String> karafLogTail(int lines) {
        Path log = logFile("karaf.log");
        if (!Files.exists(log)) {
            return List.of("(no " + log + ")");
        }
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> text = all.toList();
            return text.subList(Math.max(0, text.size() - lines), text.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + log + ": " + e + ")");
        }
    }

    public void printLogTail(PrintStream out) {
        out.println("[itests] ---- last " + LOG_TAIL_LINES + " lines of " + logFile("karaf.log") + " ----");
        karafLogTail(LOG_TAIL_LINES).forEach(out::println);
        out.println("[itests] ---- end of " + name + " log ----");
    }

    /** The hubs started and not yet stopped. */
    static Set<Hub> running() {
        return RUNNING;
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set (run through Maven: mvn verify)");
        }
        return value;
    }
}
