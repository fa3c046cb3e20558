package org.sitekeeper.core.internal.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.osgi.service.component.annotations.Component;

import org.sitekeeper.core.api.security.KeyHasher;
import org.sitekeeper.core.api.security.Secrets;

/**
 * SHA-256 for high-entropy keys. A salt or a slow hash adds nothing for 256-bit random keys; it would only
 * make every request slower.
 */
@Component
public final class Sha256KeyHasher implements KeyHasher {

    private static final String PREFIX = "sha256:";

    @Override
    public String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null) {
            return false;
        }
        return Secrets.constantTimeEquals(hash(key), storedHash);
    }
}
