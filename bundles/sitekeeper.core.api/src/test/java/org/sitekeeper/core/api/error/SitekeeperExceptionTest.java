package org.sitekeeper.core.api.error;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SitekeeperExceptionTest {

    @Test
    void rateLimitedAsksToWaitAtLeastOneSecond() {
        assertThat(new RateLimitedException("slow down", Duration.ofMillis(200)).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(new RateLimitedException("slow down", Duration.ZERO).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(new RateLimitedException("slow down", Duration.ofSeconds(-3)).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitedKeepsLongerWaits() {
        RateLimitedException e = new RateLimitedException("slow down", Duration.ofSeconds(30));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("rate_limited");
    }

    @Test
    void eachKindMapsToItsStatusAndCode() {
        assertThat(new AuthenticationException("no"))
                .returns(401, SitekeeperException::status)
                .returns("unauthorized", SitekeeperException::code);
        assertThat(new ForbiddenException("no"))
                .returns(403, SitekeeperException::status)
                .returns("forbidden", SitekeeperException::code);
        assertThat(new ConflictException("name", "taken"))
                .returns(409, SitekeeperException::status)
                .returns("conflict", SitekeeperException::code)
                .returns("name", SitekeeperException::field);
        assertThat(new UnavailableException("db down"))
                .returns(503, SitekeeperException::status)
                .returns("unavailable", SitekeeperException::code);
        assertThat(NotFoundException.of("site", 7))
                .returns(404, SitekeeperException::status)
                .returns("not_found", SitekeeperException::code)
                .hasMessage("site 7 does not exist");
    }

    @Test
    void missingInputNamesTheField() {
        InvalidInputException e = InvalidInputException.missing("url");

        assertThat(e.code()).isEqualTo(InvalidInputException.MISSING_FIELD);
        assertThat(e.field()).isEqualTo("url");
        assertThat(e).hasMessage("url is required");
    }

    @Test
    void carriesNoStackTrace() {
        assertThat(new InvalidInputException("url", "bad").getStackTrace()).isEmpty();
    }
}
