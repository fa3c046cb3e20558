package org.sitekeeper.core.internal.secrets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AesGcmSealerTest {

    private static final String CONTEXT = "notifications.channel:7:password";

    @TempDir
    Path dir;

    private AesGcmSealer sealer;

    @BeforeEach
    void createSealer() throws Exception {
        sealer = new AesGcmSealer(MasterKeyRing.load(MasterKeyRingTest.testKey(1), null, dir.resolve("k")));
    }

    @Test
    void opensWhatItSealed() {
        String sealed = sealer.seal("p\u00e4ssw\u00f6rd \uD83D\uDD11", CONTEXT);

        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo("p\u00e4ssw\u00f6rd \uD83D\uDD11");
    }

    @Test
    void sealedFormNamesTheKeyAndHidesThePlaintext() throws Exception {
        String keyId = MasterKeyRing.load(MasterKeyRingTest.testKey(1), null, dir.resolve("k2"))
                .current()
                .id();

        String sealed = sealer.seal("hunter2", CONTEXT);

        assertThat(sealed)
                .startsWith("sk1:" + keyId + ":")
                .doesNotContain("hunter2")
                .matches("[\\w:-]+");
        assertThat(AesGcmSealer.isSealed(sealed)).isTrue();
    }

    @Test
    void emptySecretRoundTrips() {
        assertThat(sealer.open(sealer.seal("", CONTEXT), CONTEXT)).isEmpty();
    }

    @Test
    void freshNonceMakesEverySealDifferent() {
        String first = sealer.seal("same", CONTEXT);
        String second = sealer.seal("same", CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
    }

    private static byte[] nonce(String sealed) {
        byte[] data = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        return Arrays.copyOf(data, 12);
    }

    @Test
    void refusesToOpenInAnotherContext() {
        String sealed = sealer.seal("hunter2", CONTEXT);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open(sealed, "notifications.channel:8:password"))
                .withMessage("sealed secret does not match its context or was altered");
    }

    @Test
    void refusesTamperedCiphertext() {
        String sealed = sealer.seal("hunter2", CONTEXT);
        int split = sealed.lastIndexOf(':') + 1;
        byte[] data = Base64.getUrlDecoder().decode(sealed.substring(split));
        data[data.length - 20] ^= 1;
        String tampered = sealed.substring(0, split)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(data);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open(tampered, CONTEXT))
                .withMessage("sealed secret does not match its context or was altered");
    }

    @Test
    void refusesTruncatedValue() {
        String sealed = sealer.seal("hunter2", CONTEXT);
        String truncated = sealed.substring(0, sealed.lastIndexOf(':') + 9);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open(truncated, CONTEXT))
                .withMessageContaining("truncated");
    }

    @Test
    void opensAValueSealedUnderAPreviousKey() throws Exception {
        String sealedBefore = sealer.seal("hunter2", CONTEXT);
        AesGcmSealer rotated = new AesGcmSealer(
                MasterKeyRing.load(MasterKeyRingTest.testKey(2), MasterKeyRingTest.testKey(1), dir.resolve("rotated")));

        assertThat(rotated.open(sealedBefore, CONTEXT)).isEqualTo("hunter2");
        assertThat(rotated.seal("x", CONTEXT)).doesNotStartWith(sealedBefore.substring(0, 13));
    }

    @Test
    void unknownKeyIdSaysWhichVariableToSet() throws Exception {
        String sealedBefore = sealer.seal("hunter2", CONTEXT);
        String keyId = sealedBefore.split(":")[1];
        AesGcmSealer other = new AesGcmSealer(MasterKeyRing.load(MasterKeyRingTest.testKey(2), null, dir.resolve("o")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> other.open(sealedBefore, CONTEXT))
                .withMessageContaining("unknown master key " + keyId)
                .withMessageContaining("SITEKEEPER_MASTER_KEY_PREVIOUS");
    }

    @Test
    void refusesWhatWasNeverSealed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open("hunter2", CONTEXT))
                .withMessage("not a sealed secret");
        assertThatIllegalArgumentException().isThrownBy(() -> sealer.open("sk1::abc", CONTEXT));
        assertThatIllegalArgumentException().isThrownBy(() -> sealer.open(null, CONTEXT));
    }

    @Test
    void recognisesSealedValues() {
        assertThat(AesGcmSealer.isSealed("sk1:abcd1234:AAAA")).isTrue();
        assertThat(AesGcmSealer.isSealed("sk1:abcd1234")).isFalse();
        assertThat(AesGcmSealer.isSealed("sk1::AAAA")).isFalse();
        assertThat(AesGcmSealer.isSealed("plain")).isFalse();
        assertThat(AesGcmSealer.isSealed(null)).isFalse();
    }
}
