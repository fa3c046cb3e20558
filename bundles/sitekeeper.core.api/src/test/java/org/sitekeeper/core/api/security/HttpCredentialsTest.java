package org.sitekeeper.core.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCredentialsTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBasicCredentials() {
        assertThat(HttpCredentials.parse(basic("alice:s3cret"))).contains(new HttpCredentials.Basic("alice", "s3cret"));
    }

    @Test
    void passwordMayContainColons() {
        assertThat(HttpCredentials.parse(basic("alice:a:b::c"))).contains(new HttpCredentials.Basic("alice", "a:b::c"));
    }

    @Test
    void passwordMayBeEmptyAndNonAscii() {
        assertThat(HttpCredentials.parse(basic("alice:"))).contains(new HttpCredentials.Basic("alice", ""));
        assertThat(HttpCredentials.parse(basic("j\u00fcrgen:p\u00e4ss")))
                .contains(new HttpCredentials.Basic("j\u00fcrgen", "p\u00e4ss"));
    }

    @Test
    void schemeIsCaseInsensitiveAndSpacingTolerated() {
        String encoded = Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));

        assertThat(HttpCredentials.parse("  bAsIc   " + encoded + "  "))
                .contains(new HttpCredentials.Basic("alice", "pw"));
    }

    @Test
    void basicWithoutUserNameIsNotUnderstood() {
        assertThat(HttpCredentials.parse(basic(":password"))).isEmpty();
        assertThat(HttpCredentials.parse(basic("no-colon"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!notbase64!!!", "Basic YWxpY2U6cHc=x", "Basic ", "Basic"})
    void badBase64IsNotUnderstood(String header) {
        assertThat(HttpCredentials.parse(header)).isEmpty();
    }

    @Test
    void paddingIsOptional() {
        assertThat(HttpCredentials.parse("Basic YWxpY2U6cHc")).contains(new HttpCredentials.Basic("alice", "pw"));
    }

    @Test
    void readsBearerTokens() {
        assertThat(HttpCredentials.parse("Bearer skt_abc.def")).contains(new HttpCredentials.Bearer("skt_abc.def"));
        assertThat(HttpCredentials.parse("bearer   skt_abc ")).contains(new HttpCredentials.Bearer("skt_abc"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer    ", "Digest username=\"alice\"", "Negotiate abc", "skt_abc"})
    void otherHeadersAreNotUnderstood(String header) {
        assertThat(HttpCredentials.parse(header)).isEmpty();
    }

    @Test
    void toStringNeverShowsThePasswordOrToken() {
        HttpCredentials basic =
                HttpCredentials.parse(basic("alice:hunter2-secret")).orElseThrow();
        HttpCredentials bearer =
                HttpCredentials.parse("Bearer skt_secret_token").orElseThrow();

        assertThat(basic.toString()).contains("alice").doesNotContain("hunter2-secret");
        assertThat(bearer.toString()).doesNotContain("skt_secret_token");
    }
}
