package org.sitekeeper.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium (Debian's {@code chromium}) loading console pages the way a person's browser does, with
 * HTTP Basic credentials in the URL. Each run gets a fresh profile directory.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private Chromium() {}

    /** Fails the test unless Chromium is installed. */
    public static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail("Chromium is not installed at " + BINARY + ": the console tests need it. Install it with "
                    + "`sudo apt-get install chromium` (Debian package chromium); CI installs it.");
        }
    }

    /** The page's DOM after its scripts ran, as Chromium serialises it. */
    public static String dumpDom(Hub hub, String user, String password, String path) {
        Path out = temporaryFile("dom", ".html");
        try {
            run(List.of("--dump-dom", url(hub, user, password, path)), out);
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.toFile().delete();
        }
    }

    /** Saves a screenshot of the page for people to look at; nothing is asserted on it. */
    public static void screenshot(Hub hub, String user, String password, String path, String fileName) {
        Path directory = Path.of(System.getProperty("sitekeeper.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path png = directory.resolve(fileName).toAbsolutePath();
        run(List.of("--screenshot=" + png, "--window-size=1366,1000", url(hub, user, password, path)), null);
    }

    private static String url(Hub hub, String user, String password, String path) {
        // user names and passwords in the tests are URL-safe
        return URI.create("http://" + user + ":" + password + "@127.0.0.1:" + hub.httpPort() + path)
                .toString();
    }

    private static void run(List<String> arguments, Path stdout) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("sk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(
                stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        try {
            Process chromium = builder.start();
            chromium.getOutputStream().close();
            if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                chromium.descendants().forEach(ProcessHandle::destroyForcibly);
                chromium.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (chromium.exitValue() != 0) {
                fail("Chromium exited with " + chromium.exitValue() + ": " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                InstanceFiles.delete(profile);
            } catch (IOException ignored) {
                // a temp directory left behind does no harm
            }
        }
    }

    private static Path temporaryFile(String prefix, String suffix) {
        try {
            return Files.createTempFile("sk-" + prefix + "-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
