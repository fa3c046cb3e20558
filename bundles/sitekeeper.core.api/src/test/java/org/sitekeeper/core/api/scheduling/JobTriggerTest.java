package org.sitekeeper.core.api.scheduling;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class JobTriggerTest {

    @Test
    void periodicTriggerReadsShort() {
        assertThat(JobTrigger.every(Duration.ofSeconds(5))).hasToString("every 5s");
        assertThat(JobTrigger.every(Duration.ofMinutes(15))).hasToString("every 15m");
        assertThat(JobTrigger.every(Duration.ofHours(1))).hasToString("every 1h");
    }

    @Test
    void cronTriggerShowsTheExpression() {
        JobTrigger trigger = JobTrigger.cron("0 15 3 * * ?");

        assertThat(trigger.cron()).isEqualTo("0 15 3 * * ?");
        assertThat(trigger.period()).isNull();
        assertThat(trigger).hasToString("cron 0 15 3 * * ?");
    }

    @Test
    void needsExactlyOneOfPeriodAndCron() {
        assertThatIllegalArgumentException().isThrownBy(() -> new JobTrigger(null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new JobTrigger(Duration.ofMinutes(1), "0 * * * * ?"));
    }

    @Test
    void refusesPeriodsShorterThanASecond() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobTrigger.every(Duration.ofMillis(999)))
                .withMessageContaining("at least one second");
        assertThatIllegalArgumentException().isThrownBy(() -> JobTrigger.every(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> JobTrigger.every(Duration.ofSeconds(-5)));
        assertThat(JobTrigger.every(Duration.ofSeconds(1)).period()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void factoriesRefuseNull() {
        assertThatNullPointerException().isThrownBy(() -> JobTrigger.every(null));
        assertThatNullPointerException().isThrownBy(() -> JobTrigger.cron(null));
    }
}
