package org.sitekeeper.notifications.internal.service;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.sitekeeper.core.api.cluster.NodeIdentity;
import org.sitekeeper.notifications.api.NotificationChannel;

/** Service objects for tests in other packages: configuration, renderer, channel registry and a clock. */
public final class TestServices {

    /** A fixed node name, as the core's NodeIdentity gives one. */
    public static final NodeIdentity NODE = () -> "test-node-1";

    private TestServices() {}

    /**
     * The configuration with its defaults, except for {@code overrides} (property name as in the .cfg file, e.g.
     * {@code poll_millis}, to value). Declarative Services names the property of {@code poll__millis()} that way.
     */
    public static NotificationsConfig config(Map<String, Object> overrides) {
        return (NotificationsConfig) Proxy.newProxyInstance(
                TestServices.class.getClassLoader(), new Class<?>[] {NotificationsConfig.class}, (p, m, a) -> {
                    if (m.getName().equals("annotationType")) {
                        return NotificationsConfig.class;
                    }
                    Object value = overrides.get(m.getName().replace("__", "_"));
                    return value != null ? value : m.getDefaultValue();
                });
    }

    /** The built-in templates, with links made absolute to {@code https://hub.example.com}. */
    public static MessageRenderer renderer() {
        return new MessageRenderer(null, "https://hub.example.com");
    }

    public static ChannelRegistry registry(NotificationChannel... types) {
        ChannelRegistry registry = new ChannelRegistry();
        for (NotificationChannel type : types) {
            registry.addChannel(type);
        }
        return registry;
    }

    /** A clock that moves only when told. */
    public static class TestClock extends Clock {

        private volatile Instant now;

        public TestClock(Instant now) {
            this.now = now;
        }

        public void set(Instant at) {
            now = at;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
