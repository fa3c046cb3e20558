package org.sitekeeper.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** Runs one command in Karaf's SSH shell (password log-in, exec channel) and collects what it printed. */
final class Ssh {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private Ssh() {}

    static ShellResult exec(int port, String user, String password, String command) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session =
                client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(TIMEOUT);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                if (!events.contains(ClientChannelEvent.CLOSED)) {
                    throw new AssertionError("`" + command + "` did not finish within " + TIMEOUT + "; printed so far: "
                            + out.toString(StandardCharsets.UTF_8));
                }
                return new ShellResult(
                        command,
                        channel.getExitStatus(),
                        clean(out.toString(StandardCharsets.UTF_8)),
                        clean(err.toString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ssh " + user + "@127.0.0.1:" + port + " `" + command + "` failed", e);
        } finally {
            client.stop();
        }
    }

    private static String clean(String text) {
        return ANSI.matcher(text).replaceAll("").replace("\r", "");
    }
}
