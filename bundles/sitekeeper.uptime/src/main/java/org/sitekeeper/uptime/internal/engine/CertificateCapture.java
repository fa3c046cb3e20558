package org.sitekeeper.uptime.internal.engine;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.sitekeeper.uptime.internal.domain.Probe;

/**
 * A trust manager that remembers the certificate every server presented (by host and port) and whether the
 * platform's trust manager accepted it, with the host name checked. In strict mode it then refuses what the
 * platform refuses; in lenient mode (monitors that ignore TLS errors) it accepts, and the problem is only reported.
 */
final class CertificateCapture extends X509ExtendedTrustManager {

    private static final int REMEMBERED = 20_000;

    private final X509ExtendedTrustManager platform;
    private final boolean strict;
    private final Map<String, Probe.CertificateInfo> seen;

    CertificateCapture(boolean strict, Map<String, Probe.CertificateInfo> seen) {
        this.platform = platformTrustManager();
        this.strict = strict;
        this.seen = seen;
    }

    /** A bounded map shared by the strict and the lenient trust manager. */
    static Map<String, Probe.CertificateInfo> memory() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Probe.CertificateInfo> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String problem = null;
        CertificateException refused = null;
        try {
            platform.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            refused = e;
            problem = describe(e, chain);
        }
        if (chain != null && chain.length > 0 && engine != null && engine.getPeerHost() != null) {
            X509Certificate leaf = chain[0];
            seen.put(
                    key(engine.getPeerHost(), engine.getPeerPort()),
                    new Probe.CertificateInfo(
                            leaf.getNotAfter().toInstant(),
                            leaf.getSubjectX500Principal().getName(),
                            leaf.getIssuerX500Principal().getName(),
                            problem));
        }
        if (strict && refused != null) {
            throw refused;
        }
    }

    private static String describe(CertificateException e, X509Certificate[] chain) {
        if (chain != null && chain.length > 0) {
            Instant now = Instant.now();
            if (chain[0].getNotAfter().toInstant().isBefore(now)) {
                return "expired on " + chain[0].getNotAfter().toInstant();
            }
            if (chain[0].getNotBefore().toInstant().isAfter(now)) {
                return "not valid before " + chain[0].getNotBefore().toInstant();
            }
            if (chain.length == 1 && chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal())) {
                return "self-signed and not trusted";
            }
        }
        String message = e.getMessage() == null ? "not trusted" : e.getMessage();
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "issued for another name (" + message + ")";
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        platform.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        platform.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return platform.getAcceptedIssuers();
    }

    private static X509ExtendedTrustManager platformTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("no platform trust manager", e);
        }
        throw new IllegalStateException("no platform X509 trust manager");
    }
}
