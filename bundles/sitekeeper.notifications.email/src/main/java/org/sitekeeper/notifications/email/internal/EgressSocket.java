package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the connection to the SMTP server on an address the egress policy checked, never resolving the name
 * again (no DNS-rebinding window). Each address carries the configured host name, so TLS (here for implicit TLS,
 * in Angus for STARTTLS) sends it as SNI and verifies the certificate against it, and nothing does a reverse
 * lookup.
 */
final class EgressSocket {

    /** What Angus uses for STARTTLS: RFC 2830 host name rules, the strictest the JDK offers. */
    static final String IDENTIFICATION = "LDAPS";

    private EgressSocket() {}

    /**
     * Connects to the first of {@code checked} that answers, all within {@code timeoutMillis}; reads time out after
     * {@code timeoutMillis} too.
     *
     * @param checked the addresses {@code EgressPolicy.resolve(host)} returned
     * @throws IOException the last connection failure
     */
    static Socket connect(List<InetAddress> checked, String host, int port, int timeoutMillis) throws IOException {
        IOException failure = new IOException("no address to connect to");
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (InetAddress address : checked) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("connect timed out");
            }
            Socket socket = new Socket();
            try {
                InetAddress named = InetAddress.getByAddress(host, address.getAddress());
                socket.connect(new InetSocketAddress(named, port), (int) left);
                socket.setSoTimeout(timeoutMillis);
                return socket;
            } catch (IOException e) {
                close(socket);
                failure = e;
            }
        }
        throw failure;
    }

    /** TLS from the first byte over {@code connected}, the certificate checked against {@code host}. */
    static Socket handshake(SSLSocketFactory tls, Socket connected, String host) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(connected, host, connected.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(IDENTIFICATION);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
