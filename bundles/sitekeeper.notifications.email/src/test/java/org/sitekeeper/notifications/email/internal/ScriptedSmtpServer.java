package org.sitekeeper.notifications.email.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server answering as the test scripts it, for what GreenMail does not do: STARTTLS, refusing
 * recipients, temporary errors and servers that never answer. It records the commands it got and whether TLS was
 * on at the time.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });

    volatile boolean offerStartTls;
    volatile boolean silent;
    /** Wait before each reply: slow, but each step within the client's timeout. */
    volatile int replyDelayMillis;

    volatile String mailFromReply = "250 2.1.0 OK";
    volatile Function<String, String> rcptReply = address -> "250 2.1.5 OK";
    volatile String dataReply = "250 2.0.0 OK queued as 4711";

    /** Commands as received, prefixed with {@code tls:} once TLS is on. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** Message contents received after DATA. */
    final List<String> messages = new CopyOnWriteArrayList<>();
    /** Host names the client asked for with SNI. */
    final List<String> serverNames = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            if (silent) {
                // take the connection, never greet: the client must give up by itself
                while (socket.getInputStream().read() != -1) {
                    // discard
                }
                return;
            }
            Socket current = socket;
            boolean tls = false;
            BufferedReader in = reader(current);
            OutputStream out = current.getOutputStream();
            reply(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add((tls ? "tls:" : "") + line);
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(
                            out,
                            offerStartTls && !tls
                                    ? "250-scripted.test\r\n250-STARTTLS\r\n250 8BITMIME"
                                    : "250 scripted.test");
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 scripted.test");
                } else if (command.equals("STARTTLS") && offerStartTls && !tls) {
                    reply(out, "220 2.0.0 ready to start TLS");
                    SSLSocket secure = (SSLSocket)
                            TestTls.server().getSocketFactory().createSocket(current, null, current.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    for (SNIServerName name : ((ExtendedSSLSession) secure.getSession()).getRequestedServerNames()) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                    }
                    current = secure;
                    tls = true;
                    in = reader(current);
                    out = current.getOutputStream();
                } else if (command.startsWith("MAIL FROM:")) {
                    reply(out, mailFromReply);
                } else if (command.startsWith("RCPT TO:")) {
                    reply(out, rcptReply.apply(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))));
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line).append("\r\n");
                    }
                    messages.add(message.toString());
                    reply(out, dataReply);
                } else if (command.equals("RSET") || command.equals("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private void reply(OutputStream out, String reply) throws IOException {
        if (replyDelayMillis > 0) {
            try {
                Thread.sleep(replyDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Commands without the TLS marker. */
    List<String> plainCommands() {
        return commands.stream()
                .map(c -> c.startsWith("tls:") ? c.substring(4) : c)
                .toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
