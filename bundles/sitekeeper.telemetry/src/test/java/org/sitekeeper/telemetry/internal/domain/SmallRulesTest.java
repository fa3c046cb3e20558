package org.sitekeeper.telemetry.internal.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallRulesTest {

    @Test
    void rateLimiterAllowsABurstOfItsRateThenRefillsOverTheMinute() {
        RateLimiter limiter = new RateLimiter(2, 0);
        assertThat(limiter.acquire(0)).isEmpty();
        assertThat(limiter.acquire(0)).isEmpty();
        assertThat(limiter.acquire(0))
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(30)));
        assertThat(limiter.acquire(Duration.ofSeconds(29).toNanos())).isPresent();
        assertThat(limiter.acquire(Duration.ofSeconds(30).toNanos())).isEmpty();
    }

    @Test
    void siteUrlsAreNormalisedBeforeTheyKeyAnInstallation() {
        assertThat(SiteKeys.normalise("HTTPS://Shop.Example.com:443/store/"))
                .hasValue("https://shop.example.com/store");
        assertThat(SiteKeys.normalise("http://shop.example.com:8080?x=1")).hasValue("http://shop.example.com:8080");
        assertThat(SiteKeys.normalise("ftp://shop.example.com")).isEmpty();
        assertThat(SiteKeys.normalise("not a url")).isEmpty();
        assertThat(SiteKeys.normalise("https://" + "a".repeat(500) + ".com")).isEmpty();
        assertThat(SiteKeys.key(null)).isEmpty();
        assertThat(SiteKeys.key("https://shop.example.com"))
                .hasSize(64)
                .isEqualTo(SiteKeys.key("https://shop.example.com"));
    }

    @Test
    void timeAgoReadsLikeSeed001() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        assertThat(TimeAgo.format(null, now)).isEqualTo("never");
        assertThat(TimeAgo.format(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(TimeAgo.format(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
        assertThat(TimeAgo.format(now.minusSeconds(200), now)).isEqualTo("3 minutes ago");
        assertThat(TimeAgo.format(now.minusSeconds(7300), now)).isEqualTo("2 hours ago");
        assertThat(TimeAgo.format(now.minusSeconds(86_400 * 3), now)).isEqualTo("3 days ago");
        assertThat(TimeAgo.format(now.plusSeconds(30), now)).isEqualTo("just now");
    }
}
