package org.sitekeeper.core.internal.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyRingTest {

    @TempDir
    Path dir;

    /** A well-formed key in Base64, the same for the same seed. */
    static String testKey(int seed) {
        byte[] key = new byte[MasterKeyRing.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void generatesAnOwnerOnlyKeyFileOnFirstLoad() throws Exception {
        Path file = dir.resolve("etc/sitekeeper-master.key");

        MasterKeyRing ring = MasterKeyRing.load(null, null, file);

        assertThat(ring.generated()).isTrue();
        assertThat(ring.size()).isEqualTo(1);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(MasterKeyRing.KEY_BYTES);
    }

    @Test
    void reusesTheKeyFileOnLaterLoads() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeyRing first = MasterKeyRing.load(null, null, file);

        MasterKeyRing second = MasterKeyRing.load(null, "  ", file);

        assertThat(second.generated()).isFalse();
        assertThat(second.current().id()).isEqualTo(first.current().id());
        assertThat(second.current().secret().getEncoded())
                .isEqualTo(first.current().secret().getEncoded());
    }

    @Test
    void keyIdsAreShortHexAndDifferPerKey() throws Exception {
        MasterKeyRing a = MasterKeyRing.load(testKey(1), null, dir.resolve("a.key"));
        MasterKeyRing b = MasterKeyRing.load(testKey(2), null, dir.resolve("b.key"));

        assertThat(a.current().id()).matches("[0-9a-f]{8}");
        assertThat(a.current().id()).isNotEqualTo(b.current().id());
        assertThat(MasterKeyRing.load(testKey(1), null, dir.resolve("c.key"))
                        .current()
                        .id())
                .isEqualTo(a.current().id());
    }

    @Test
    void environmentKeyWinsAndTheOldFileKeyStillOpens() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeyRing fileOnly = MasterKeyRing.load(null, null, file);

        MasterKeyRing ring = MasterKeyRing.load(testKey(7), null, file);

        assertThat(ring.generated()).isFalse();
        assertThat(ring.current().id()).isNotEqualTo(fileOnly.current().id());
        assertThat(ring.byId(fileOnly.current().id())).isPresent();
        assertThat(ring.size()).isEqualTo(2);
    }

    @Test
    void environmentKeyDoesNotCreateAKeyFile() throws Exception {
        Path file = dir.resolve("master.key");

        MasterKeyRing ring = MasterKeyRing.load(testKey(3), null, file);

        assertThat(file).doesNotExist();
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void acceptsUrlSafeAndWrappedBase64() throws Exception {
        String standard = testKey(9);
        String urlSafe = standard.replace('+', '-').replace('/', '_');

        MasterKeyRing ring = MasterKeyRing.load(
                " " + urlSafe.substring(0, 20) + "\n" + urlSafe.substring(20) + " ", null, dir.resolve("k"));

        assertThat(ring.current().id())
                .isEqualTo(MasterKeyRing.load(standard, null, dir.resolve("l"))
                        .current()
                        .id());
    }

    @Test
    void previousKeysOpenButDoNotSeal() throws Exception {
        MasterKeyRing old = MasterKeyRing.load(testKey(1), null, dir.resolve("a"));
        MasterKeyRing older = MasterKeyRing.load(testKey(2), null, dir.resolve("b"));

        MasterKeyRing ring = MasterKeyRing.load(testKey(3), testKey(1) + " , " + testKey(2) + ",", dir.resolve("c"));

        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.byId(old.current().id())).isPresent();
        assertThat(ring.byId(older.current().id())).isPresent();
        assertThat(ring.current().id())
                .isNotIn(old.current().id(), older.current().id());
    }

    @Test
    void unknownKeyIdIsEmpty() throws Exception {
        assertThat(MasterKeyRing.load(testKey(1), null, dir.resolve("a")).byId("deadbeef"))
                .isEmpty();
    }

    @Test
    void malformedEnvironmentKeyExplainsHowToMakeOne() {
        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyRing.load("c2hvcnQ=", null, dir.resolve("k")))
                .withMessageContaining("SITEKEEPER_MASTER_KEY")
                .withMessageContaining("32 random bytes")
                .withMessageContaining("it has 5")
                .withMessageContaining("openssl rand -base64 32");
    }

    @Test
    void nonBase64EnvironmentKeyExplainsHowToMakeOne() {
        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyRing.load("====not base64====", null, dir.resolve("k")))
                .withMessageContaining("SITEKEEPER_MASTER_KEY")
                .withMessageContaining("openssl rand -base64 32");
    }

    @Test
    void malformedPreviousKeyIsNamed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyRing.load(testKey(1), "c2hvcnQ=", dir.resolve("k")))
                .withMessageStartingWith("SITEKEEPER_MASTER_KEY_PREVIOUS")
                .withMessageContaining("openssl");
    }

    @Test
    void anEmptyKeyFileSaysHowToRecover() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "");
        assertThatThrownBy(() -> MasterKeyRing.load(null, null, file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is empty")
                .hasMessageContaining("backup");
    }

    @Test
    void generatingLeavesNoTemporaryFilesBehind() throws Exception {
        MasterKeyRing.load(null, null, dir.resolve("master.key"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("master.key");
        }
    }

    @Test
    void malformedKeyFileIsNamed() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "c2hvcnQ=\n", StandardCharsets.US_ASCII);

        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyRing.load(null, null, file))
                .withMessageContaining("master key file " + file)
                .withMessageContaining("openssl");
    }

    @Test
    void malformedKeyIsNotEchoedInTheMessage() {
        String almost = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatIllegalStateException()
                .isThrownBy(() -> MasterKeyRing.load(almost, null, dir.resolve("k")))
                .withMessageNotContaining(almost);
    }
}
