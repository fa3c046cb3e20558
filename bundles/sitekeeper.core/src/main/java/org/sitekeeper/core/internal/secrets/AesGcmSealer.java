package org.sitekeeper.core.internal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing with a fresh 96-bit nonce per value. Sealed form:
 * {@code sk1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}; the context is authenticated as associated data.
 */
final class AesGcmSealer {

    static final String PREFIX = "sk1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeyRing keys;
    private final SecureRandom random = new SecureRandom();

    AesGcmSealer(MasterKeyRing keys) {
        this.keys = keys;
    }

    String seal(String plaintext, String context) {
        MasterKeyRing.Key key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            return PREFIX + key.id() + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        int split = sealed.indexOf(':', PREFIX.length());
        String keyId = sealed.substring(PREFIX.length(), split);
        MasterKeyRing.Key key = keys.byId(keyId)
                .orElseThrow(() -> new IllegalArgumentException("sealed with unknown master key " + keyId
                        + "; set SITEKEEPER_MASTER_KEY_PREVIOUS to the key that sealed it"));
        try {
            byte[] data = Base64.getUrlDecoder().decode(sealed.substring(split + 1));
            if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("sealed secret is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(context));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed secret does not match its context or was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "sealed secret cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    /** HMAC-SHA256 under a key derived from the current master key for {@code purpose}. */
    String mac(String purpose, String data) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(keys.current().secret());
            byte[] purposeKey = derive.doFinal(("sitekeeper-mac|" + purpose).getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(purposeKey, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > PREFIX.length();
    }

    private static byte[] aad(String context) {
        return ("sitekeeper-secret|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
