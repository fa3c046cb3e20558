package org.sitekeeper.uptime.internal.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.FailureCause;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectationsTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
    private static final StatusSet OK = StatusSet.of("200-299");
    private static final Probe.CertificateInfo GOOD_CERT =
            new Probe.CertificateInfo(STARTED.plusSeconds(86_400 * 60), "CN=shop", "CN=CA", null);
    private static final Probe.CertificateInfo EXPIRED_CERT =
            new Probe.CertificateInfo(STARTED.minusSeconds(60), "CN=shop", "CN=CA", "expired");

    @Test
    void aGoodAnswerPassesAndCarriesWhatWasSeen() {
        Probe p = Expectations.judge(200, 120, OK, true, "Welcome", false, 1000, GOOD_CERT, false, STARTED);

        assertThat(p.passed()).isTrue();
        assertThat(p.cause()).isNull();
        assertThat(p.detail()).isNull();
        assertThat(p.responseMs()).isEqualTo(120);
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(p.certificate()).isEqualTo(GOOD_CERT);
        assertThat(p.startedAt()).isEqualTo(STARTED);
        assertThat(p.overran()).isFalse();
    }

    @Test
    void anUnexpectedStatusFails() {
        Probe p = Expectations.judge(503, 120, OK, null, null, false, 0, null, false, STARTED);

        assertThat(p.cause()).isEqualTo(FailureCause.STATUS);
        assertThat(p.detail()).isEqualTo("status 503, expected 200-299");
        assertThat(p.statusCode()).isEqualTo(503);
    }

    @Test
    void aMissingKeywordFails() {
        Probe p = Expectations.judge(200, 120, OK, false, "Welcome", false, 0, null, false, STARTED);

        assertThat(p.cause()).isEqualTo(FailureCause.KEYWORD);
        assertThat(p.detail()).isEqualTo("the page does not contain 'Welcome'");
    }

    @Test
    void aKeywordThatMustBeAbsentFailsWhenPresentAndPassesWhenNot() {
        Probe present = Expectations.judge(200, 120, OK, true, "Error", true, 0, null, false, STARTED);
        Probe absent = Expectations.judge(200, 120, OK, false, "Error", true, 0, null, false, STARTED);

        assertThat(present.cause()).isEqualTo(FailureCause.KEYWORD);
        assertThat(present.detail()).isEqualTo("the page contains 'Error', which must be absent");
        assertThat(absent.passed()).isTrue();
    }

    @Test
    void withoutAKeywordTheBodyIsNotJudged() {
        assertThat(Expectations.judge(200, 120, OK, null, null, false, 0, null, false, STARTED)
                        .passed())
                .isTrue();
        assertThat(Expectations.judge(200, 120, OK, null, null, true, 0, null, false, STARTED)
                        .passed())
                .isTrue();
    }

    @Test
    void aSlowAnswerFailsOnlyAboveTheLimit() {
        Probe slow = Expectations.judge(200, 1001, OK, null, null, false, 1000, null, false, STARTED);
        Probe atLimit = Expectations.judge(200, 1000, OK, null, null, false, 1000, null, false, STARTED);
        Probe noLimit = Expectations.judge(200, 590_000, OK, null, null, false, 0, null, false, STARTED);

        assertThat(slow.cause()).isEqualTo(FailureCause.SLOW);
        assertThat(slow.detail()).isEqualTo("answered in 1001 ms, more than the 1000 ms allowed");
        assertThat(slow.responseMs()).isEqualTo(1001);
        assertThat(atLimit.passed()).isTrue();
        assertThat(noLimit.passed()).isTrue();
    }

    @Test
    void anInvalidCertificateFailsFirstUnlessIgnored() {
        Probe strict = Expectations.judge(500, 5000, OK, false, "x", false, 10, EXPIRED_CERT, false, STARTED);
        Probe lenient = Expectations.judge(200, 100, OK, null, null, false, 0, EXPIRED_CERT, true, STARTED);

        assertThat(strict.cause()).isEqualTo(FailureCause.TLS);
        assertThat(strict.detail()).isEqualTo("certificate: expired");
        assertThat(strict.certificate()).isEqualTo(EXPIRED_CERT);
        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.certificate()).isEqualTo(EXPIRED_CERT); // its expiry is still reported
    }

    @Test
    void causesAreJudgedInOrderStatusKeywordSlow() {
        // ignored TLS problem, then wrong status wins over a missing keyword and slowness
        assertThat(Expectations.judge(500, 5000, OK, false, "x", false, 10, EXPIRED_CERT, true, STARTED)
                        .cause())
                .isEqualTo(FailureCause.STATUS);
        // keyword wins over slowness
        assertThat(Expectations.judge(200, 5000, OK, false, "x", false, 10, null, false, STARTED)
                        .cause())
                .isEqualTo(FailureCause.KEYWORD);
    }
}
