package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sitekeeper.notifications.email.internal.Fixtures.CLOCK;
import static org.sitekeeper.notifications.email.internal.Fixtures.config;
import static org.sitekeeper.notifications.email.internal.Fixtures.message;

/**
 * The bundle as bnd makes it ({@code target/classes} after {@code bnd-process}): mail embedded, not imported, with
 * the resources Jakarta Mail and Activation look up. The delivery test loads the channel from those classes alone,
 * seeing only the packages the bundle imports, the way OSGi would.
 */
class EmbeddingTest {

    private static final Path CLASSES = Path.of(System.getProperty("basedir", "."), "target", "classes");

    @BeforeAll
    static void bndHasRun() {
        assumeTrue(
                Files.exists(CLASSES.resolve("META-INF/MANIFEST.MF")),
                "target/classes holds no bundle manifest: run through Maven (bnd-process)");
    }

    @Test
    void importsNoMailPackagesAndOnlyOptionalExtras() throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        List<String> imports = clauses(manifest.getMainAttributes().getValue("Import-Package"));
        assertThat(imports).noneMatch(i -> i.startsWith("jakarta.") || i.startsWith("org.eclipse.angus"));
        assertThat(imports)
                .filteredOn(i -> !i.startsWith("java.")
                        && !i.startsWith("javax.")
                        && !i.startsWith("org.sitekeeper.")
                        && !i.startsWith("org.slf4j;"))
                .allMatch(i -> i.contains("resolution:=optional"), "optional");
        assertThat(manifest.getMainAttributes().getValue("Private-Package"))
                .contains(
                        "jakarta.mail",
                        "jakarta.activation",
                        "org.eclipse.angus.mail.smtp",
                        "org.eclipse.angus.activation");
        assertThat(manifest.getMainAttributes().getValue("Export-Package")).isNull();
    }

    @Test
    void carriesTheResourcesMailLooksUp() {
        assertThat(CLASSES.resolve("META-INF/services/jakarta.mail.util.StreamProvider"))
                .exists();
        assertThat(CLASSES.resolve("META-INF/services/jakarta.mail.Provider")).exists();
        assertThat(CLASSES.resolve("META-INF/services/jakarta.activation.spi.MailcapRegistryProvider"))
                .exists();
        assertThat(CLASSES.resolve("META-INF/services/jakarta.activation.spi.MimeTypeRegistryProvider"))
                .exists();
        assertThat(CLASSES.resolve("META-INF/javamail.default.providers")).exists();
        assertThat(CLASSES.resolve("META-INF/javamail.charset.map")).exists();
        assertThat(CLASSES.resolve("META-INF/mailcap")).exists();
        assertThat(CLASSES.resolve("META-INF/jakarta.mimetypes.default")).exists();
    }

    @Test
    void deliversWithNothingButTheBundleAndItsImports() throws Exception {
        ClassLoader imports = new ImportsOnly(EmbeddingTest.class.getClassLoader());
        try (ScriptedSmtpServer server = new ScriptedSmtpServer();
                URLClassLoader bundle =
                        new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, imports)) {
            Class<?> type = bundle.loadClass(EmailChannel.class.getName());
            assertThat(type).isNotSameAs(EmailChannel.class);
            Constructor<?> constructor =
                    type.getDeclaredConstructor(EgressPolicy.class, Clock.class, SSLSocketFactory.class);
            constructor.setAccessible(true);
            NotificationChannel channel = (NotificationChannel) constructor.newInstance(
                    new FakeEgress().allow(TestTls.HOST, "127.0.0.1"), CLOCK, TestTls.trusting());
            Map<String, Object> config = channel.validate(config(TestTls.HOST, server.port(), "none"));

            // the caller's context class loader (the test class path) sees another copy of Jakarta Mail, the case
            // in which mail's own lookups fail unless the channel sets its own loader
            assertThat(Thread.currentThread().getContextClassLoader().loadClass("jakarta.mail.Session"))
                    .isNotSameAs(bundle.loadClass("jakarta.mail.Session"));
            DeliveryResult result = channel.deliver(message(70, config, "oncall@example.com"));

            assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(server.messages).singleElement().asString().contains("multipart/alternative", "charset=UTF-8");
        }
    }

    private static List<String> clauses(String header) {
        // split at commas outside quotes
        return Arrays.stream(header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .map(String::strip)
                .toList();
    }

    /** Sees the JDK and the packages the bundle imports from other bundles, nothing else (no mail jars). */
    private static final class ImportsOnly extends ClassLoader {

        private static final List<String> IMPORTED =
                List.of("org.sitekeeper.core.api.", "org.sitekeeper.notifications.api.", "org.slf4j.", "org.osgi.");
        private final ClassLoader test;

        ImportsOnly(ClassLoader test) {
            super(ClassLoader.getPlatformClassLoader());
            this.test = test;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (IMPORTED.stream().anyMatch(name::startsWith)) {
                return test.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
