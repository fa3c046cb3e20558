package org.sitekeeper.core.internal.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Component;

/** The hub's clock as a service, so every decision takes its time from one replaceable place. */
@Component(service = Clock.class)
public final class ClockProvider extends Clock {

    private final Clock utc = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return utc.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return utc.withZone(zone);
    }

    @Override
    public Instant instant() {
        return utc.instant();
    }

    @Override
    public long millis() {
        return utc.millis();
    }
}
