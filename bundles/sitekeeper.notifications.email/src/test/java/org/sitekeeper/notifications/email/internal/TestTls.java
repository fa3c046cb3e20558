package org.sitekeeper.notifications.email.internal;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test certificate and the trust in it. {@code smtp-test.p12} holds a self-signed RSA key for
 * {@code smtp.sitekeeper.test}, {@code localhost} and {@code 127.0.0.1}, valid for 100 years, made with:
 *
 * <pre>
 * keytool -genkeypair -alias smtp -keyalg RSA -keysize 2048 -dname "CN=smtp.sitekeeper.test" \
 *   -ext "SAN=dns:smtp.sitekeeper.test,dns:localhost,ip:127.0.0.1" -validity 36500 \
 *   -keystore smtp-test.p12 -storetype PKCS12 -storepass changeit -keypass changeit
 * </pre>
 *
 * The client side trusts it through a normal PKIX trust manager, so host name verification is as in production;
 * only the trust anchor differs.
 */
final class TestTls {

    static final String HOST = "smtp.sitekeeper.test";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String KEYSTORE = "/smtp-test.p12";

    private TestTls() {}

    /** Makes GreenMail's SMTPS server present the test certificate; call before the first GreenMail TLS server. */
    static void useForGreenMail() {
        try {
            Path file = Path.of(TestTls.class.getResource(KEYSTORE).toURI());
            System.setProperty("greenmail.tls.keystore.file", file.toString());
            System.setProperty("greenmail.tls.keystore.password", new String(PASSWORD));
            System.setProperty("greenmail.tls.key.password", new String(PASSWORD));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that trusts the test certificate (and nothing else). */
    static SSLSocketFactory trusting() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context presenting the test certificate. */
    static SSLContext server() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStore() {
        try (InputStream in = TestTls.class.getResourceAsStream(KEYSTORE)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + KEYSTORE, e);
        }
    }
}
