package org.sitekeeper.console.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.core.api.security.StaffPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSupportImplTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:30:00Z");

    /** A SecretBox whose MAC depends on purpose and data, like the real one. */
    private static final SecretBox SECRETS = new SecretBox() {
        @Override
        public String seal(String plaintext, String context) {
            return plaintext;
        }

        @Override
        public String open(String sealed, String context) {
            return sealed;
        }

        @Override
        public boolean isSealed(String value) {
            return false;
        }

        @Override
        public String mac(String purpose, String data) {
            return Integer.toHexString((purpose + "#" + data).hashCode());
        }
    };

    private static ConsoleSupportImpl at(Instant instant) {
        return new ConsoleSupportImpl(SECRETS, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static FakeRequest loggedIn(String user) {
        FakeRequest request = new FakeRequest();
        request.attributes.put(ConsoleSupportImpl.USER_ATTRIBUTE, new StaffPrincipal(user, Role.OPS, null));
        request.headers.put("Host", "hub.example:8181");
        return request;
    }

    private static String tokenIn(String field) {
        return field.replaceAll(".*value=\"([^\"]*)\".*", "$1");
    }

    @Test
    void aFormFromThisPageIsAccepted() {
        FakeRequest request = loggedIn("otto");
        String token = tokenIn(at(NOW).csrfField(request.build()));
        request.parameters.put("csrf", token);
        request.headers.put("Origin", "http://hub.example:8181");
        at(NOW).checkForm(request.build());
        at(NOW.plus(Duration.ofMinutes(50))).checkForm(request.build()); // next window still accepts it
    }

    @Test
    void anOldOrForeignOrMissingTokenIsRefused() {
        FakeRequest request = loggedIn("otto");
        String token = tokenIn(at(NOW).csrfField(request.build()));
        request.parameters.put("csrf", token);
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofHours(3))).checkForm(request.build()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("expired");
        FakeRequest other = loggedIn("vera");
        other.parameters.put("csrf", token);
        assertThatThrownBy(() -> at(NOW).checkForm(other.build())).isInstanceOf(ForbiddenException.class);
        FakeRequest none = loggedIn("otto");
        assertThatThrownBy(() -> at(NOW).checkForm(none.build())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        FakeRequest request = loggedIn("otto");
        request.parameters.put("csrf", tokenIn(at(NOW).csrfField(request.build())));
        request.headers.put("Origin", "https://evil.example");
        assertThatThrownBy(() -> at(NOW).checkForm(request.build()))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("another site");
    }

    @Test
    void theUserComesFromTheSecurityProvidersAttribute() {
        HttpServletRequest request = loggedIn("otto").build();
        assertThat(at(NOW).user(request).name()).isEqualTo("otto");
        assertThat(at(NOW).user(request).canOperate()).isTrue();
        assertThatThrownBy(() -> at(NOW).user(new FakeRequest().build())).isInstanceOf(ForbiddenException.class);
    }
}
