package org.sitekeeper.notifications.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.core.internal.secrets.SecretBoxComponent;

/** The hub's real secret box (AES-256-GCM), keyed from a key file it generates in a test directory. */
public final class TestSecrets {

    private TestSecrets() {}

    public static SecretBox box(Path directory) {
        String keyFile = directory.resolve("master.key").toString();
        // the configuration annotation through a proxy: its one attribute is the key file
        SecretBoxComponent.Config config = (SecretBoxComponent.Config) Proxy.newProxyInstance(
                TestSecrets.class.getClassLoader(), new Class<?>[] {SecretBoxComponent.Config.class}, (p, m, a) -> {
                    if (m.getName().equals("annotationType")) {
                        return SecretBoxComponent.Config.class;
                    }
                    if (m.getName().startsWith("master")) {
                        return keyFile;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        try {
            return new SecretBoxComponent(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
