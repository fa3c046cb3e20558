package org.sitekeeper.telemetry.internal.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScrubberTest {

    private static final int MAX = 4096;
    /** Test card numbers published by card networks; all pass Luhn. */
    private static final String VISA = "4111111111111111";

    private static final String AMEX = "378282246310005";
    private static final String MASTERCARD_SPACED = "5555 5555 5555 4444";

    @Test
    void cardNumbersAreRemovedWhereverTheyAppearInText() {
        assertThat(Scrubber.text("charge failed for card " + VISA + " (declined)", MAX))
                .isEqualTo("charge failed for card " + Scrubber.CARD + " (declined)");
        assertThat(Scrubber.text(MASTERCARD_SPACED, MAX)).isEqualTo(Scrubber.CARD);
        assertThat(Scrubber.text("amex:3782-822463-10005.", MAX)).isEqualTo("amex:" + Scrubber.CARD + ".");
        assertThat(Scrubber.text("a " + AMEX + " and " + VISA, MAX))
                .isEqualTo("a " + Scrubber.CARD + " and " + Scrubber.CARD);
    }

    @Test
    void digitRunsThatAreNotCardNumbersStay() {
        // fails Luhn
        assertThat(Scrubber.text("order 4111111111111112", MAX)).isEqualTo("order 4111111111111112");
        // too short, too long, amounts and timestamps
        assertThat(Scrubber.text("amount 55000 XOF at 1732269600", MAX)).isEqualTo("amount 55000 XOF at 1732269600");
        assertThat(Scrubber.text("id 41111111111111110000000", MAX)).isEqualTo("id 41111111111111110000000");
        assertThat(Scrubber.text("2026-11-22 10:00:00", MAX)).isEqualTo("2026-11-22 10:00:00");
    }

    @Test
    void fieldsNamedLikeSecretsLoseTheirValues() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", "12345");
        data.put("amount", 55000);
        data.put("card_number", "4000 0000 0000 0002");
        data.put("CVV", "123");
        data.put("api-key", "abc");
        data.put("customer", Map.of("email", "a@example.com", "password", "hunter2"));
        data.put("headers", List.of(Map.of("Authorization", "Bearer abcdefghijk"), Map.of("accept", "json")));
        data.put("error_code", "card_declined");
        data.put("message", "Insufficient funds");

        Map<String, Object> clean = Scrubber.data(data, MAX);

        assertThat(clean)
                .containsEntry("order_id", "12345")
                .containsEntry("amount", 55000)
                .containsEntry("card_number", Scrubber.REMOVED)
                .containsEntry("CVV", Scrubber.REMOVED)
                .containsEntry("api-key", Scrubber.REMOVED)
                .containsEntry("error_code", "card_declined")
                .containsEntry("message", "Insufficient funds");
        assertThat(clean.get("customer")).isEqualTo(Map.of("email", "a@example.com", "password", Scrubber.REMOVED));
        assertThat(clean.get("headers"))
                .isEqualTo(List.of(Map.of("Authorization", Scrubber.REMOVED), Map.of("accept", "json")));
    }

    @Test
    void aCardNumberSentAsANumberIsRemovedToo() {
        Map<String, Object> clean = Scrubber.data(Map.of("pan_like", Long.parseLong(VISA), "qty", 3), MAX);
        assertThat(clean).containsEntry("pan_like", Scrubber.CARD).containsEntry("qty", 3);
    }

    @Test
    void secretsInFreeTextAreRemoved() {
        String trace = "PHP Fatal error: Uncaught Exception: request failed\n"
                + "POST https://api.example.com/v1/charge?api_key=abc123&amount=5 \n"
                + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig\n"
                + "config {\"secret\": \"s3cr3t\", \"mode\": \"live\"} password=hunter2; user=bob\n"
                + "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc and whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"
                + "aws AKIAIOSFODNN7EXAMPLE\n"
                + "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
                + "#0 /var/www/wp-content/plugins/molam/class-molam.php(42): Molam->getToken()";

        String clean = Scrubber.text(trace, MAX);

        assertThat(clean)
                .doesNotContain("abc123", "eyJhbGciOiJIUzI1NiJ9", "s3cr3t", "hunter2", "sk_live_4eC39")
                .doesNotContain("whsec_MfKQ", "AKIAIOSFODNN7EXAMPLE", "MIIEowIBAAKCAQEA")
                .contains("api_key=" + Scrubber.REMOVED)
                .contains("Bearer " + Scrubber.REMOVED)
                .contains("\"secret\": " + Scrubber.REMOVED)
                .contains("\"mode\": \"live\"")
                .contains("user=bob")
                .contains("amount=5")
                .contains("Molam->getToken()")
                .contains("PHP Fatal error: Uncaught Exception: request failed");
    }

    @Test
    void secretNamesAreRecognisedWhateverTheirSpelling() {
        for (String name : List.of(
                "password",
                "user_pass",
                "PASSWD",
                "client_secret",
                "access-token",
                "apiKey",
                "X-API-KEY",
                "Authorization",
                "private_key",
                "card.number",
                "cvc",
                "pin",
                "cookie",
                "session_id")) {
            assertThat(Scrubber.isSecretName(name)).as(name).isTrue();
        }
        for (String name :
                List.of("order_id", "amount", "currency", "error_code", "message", "author", "pinned", "email")) {
            assertThat(Scrubber.isSecretName(name)).as(name).isFalse();
        }
        assertThat(Scrubber.isSecretName(null)).isFalse();
    }

    @Test
    void theShortcutsNeverChangeWhatIsRemoved() {
        String[] parts = {
            "4111 1111 1111 1111",
            "4111-1111-1111-1112",
            "378282246310005",
            "12345",
            " ",
            "-",
            "_",
            ":",
            "=",
            ";",
            "password",
            "api_key",
            "token",
            "Bearer ",
            "basic ",
            "BEARER abcdefgh12345678",
            "sk_live_",
            "AKIA",
            "ABCDEFGHIJKLMNOP",
            "whsec_",
            "ghp_",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----END RSA PRIVATE KEY-----",
            "\"",
            "'",
            "nginx/1.24",
            "Linux",
            "é",
            "ß",
            "x",
            "9",
            "=v",
            "&",
            "?",
            "}"
        };
        java.util.Random random = new java.util.Random(20261208L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(8);
            for (int j = 0; j < n; j++) {
                text.append(parts[random.nextInt(parts.length)]);
                if (random.nextInt(3) == 0) {
                    text.append(random.nextInt(100_000));
                }
            }
            String t = text.toString();
            assertThat(Scrubber.text(t, 500)).as(t).isEqualTo(Scrubber.text(t, 500, false));
        }
    }

    @Test
    void textIsCappedAndSaysHowMuchWasCut() {
        String capped = Scrubber.text("x".repeat(10_000), 1_000);
        assertThat(capped).hasSize(1_000).endsWith("more characters cut]");
        assertThat(Scrubber.cap("short", 10)).isEqualTo("short");
        assertThat(Scrubber.text(null, 10)).isNull();
    }

    @Test
    void nestingDeeperThanTheLimitIsCut() {
        Map<String, Object> deep = Map.of("leaf", "value");
        for (int i = 0; i < Scrubber.MAX_DEPTH + 3; i++) {
            deep = Map.of("level", deep);
        }
        Object cursor = Scrubber.data(deep, MAX);
        int levels = 0;
        while (cursor instanceof Map<?, ?> map) {
            cursor = map.get("level");
            levels++;
        }
        assertThat(levels).isEqualTo(Scrubber.MAX_DEPTH);
        assertThat(cursor).isEqualTo(Scrubber.REMOVED);
        assertThat(Scrubber.data(null, MAX)).isEmpty();
    }
}
