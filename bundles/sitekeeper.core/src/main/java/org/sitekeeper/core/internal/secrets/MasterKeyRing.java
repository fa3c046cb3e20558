package org.sitekeeper.core.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's master keys: the current one seals, all of them open. The current key comes from the
 * environment ({@code SITEKEEPER_MASTER_KEY}) or from a key file that is generated once, readable only by the
 * server's user. Earlier keys (for rotation) come from {@code SITEKEEPER_MASTER_KEY_PREVIOUS}, and a key file
 * left behind when the environment took over.
 */
final class MasterKeyRing {

    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** A key with its short public id. */
    record Key(String id, SecretKey secret) {}

    private final Key current;
    private final Map<String, Key> byId;
    private final boolean generated;

    private MasterKeyRing(Key current, List<Key> previous, boolean generated) {
        this.current = current;
        this.generated = generated;
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        previous.forEach(k -> keys.putIfAbsent(k.id(), k));
        this.byId = Map.copyOf(keys);
    }

    /**
     * Loads the keys.
     *
     * @param environmentKey the value of {@code SITEKEEPER_MASTER_KEY}, or {@code null}
     * @param previousKeys the value of {@code SITEKEEPER_MASTER_KEY_PREVIOUS} (comma-separated), or {@code null}
     * @param keyFile where the generated key lives
     * @throws IllegalStateException with a message fit for the operator when a key is malformed
     */
    static MasterKeyRing load(String environmentKey, String previousKeys, Path keyFile) throws IOException {
        List<Key> previous = new ArrayList<>();
        if (previousKeys != null) {
            for (String part : previousKeys.split(",")) {
                if (!part.isBlank()) {
                    previous.add(key(decode(part, "SITEKEEPER_MASTER_KEY_PREVIOUS")));
                }
            }
        }
        if (environmentKey != null && !environmentKey.isBlank()) {
            readFile(keyFile).ifPresent(bytes -> previous.add(key(bytes)));
            return new MasterKeyRing(key(decode(environmentKey, "SITEKEEPER_MASTER_KEY")), previous, false);
        }
        Optional<byte[]> existing = readFile(keyFile);
        if (existing.isPresent()) {
            return new MasterKeyRing(key(existing.get()), previous, false);
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        boolean written = writeOwnerOnly(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
        if (!written) { // another process won the race: use its key
            return new MasterKeyRing(key(readFile(keyFile).orElseThrow()), previous, false);
        }
        return new MasterKeyRing(key(fresh), previous, true);
    }

    Key current() {
        return current;
    }

    Optional<Key> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return byId.size();
    }

    /** Whether this load generated the key file. */
    boolean generated() {
        return generated;
    }

    private static Optional<byte[]> readFile(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) {
            throw new IllegalStateException("master key file " + keyFile + " is empty; restore it from a backup"
                    + " (secrets sealed with the lost key cannot be read) or remove it to generate a new key");
        }
        return Optional.of(decode(text, "master key file " + keyFile));
    }

    /**
     * Creates {@code keyFile} with {@code content}, readable by the owner only, atomically: the key is written
     * to a temporary file and linked into place, so a crash never leaves an empty key file and a concurrent
     * start either wins or reads the winner's key. Returns false when the file existed already.
     */
    private static boolean writeOwnerOnly(Path keyFile, String content) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
        Path temporary = posix
                ? Files.createTempFile(parent, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(parent, ".master-key", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.createLink(keyFile, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder()
                    .decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64; create one with: openssl rand -base64 32");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be " + KEY_BYTES + " random bytes in Base64 (it has "
                    + bytes.length + "); create one with: openssl rand -base64 32");
        }
        return bytes;
    }

    private static Key key(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("sitekeeper-master-key-id".getBytes(StandardCharsets.US_ASCII));
            String id = HexFormat.of().formatHex(sha.digest(bytes), 0, 4);
            return new Key(id, new SecretKeySpec(bytes, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
