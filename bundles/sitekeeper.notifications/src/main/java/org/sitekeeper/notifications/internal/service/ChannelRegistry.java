package org.sitekeeper.notifications.internal.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.notifications.api.NotificationChannel;

/**
 * The channel types registered now, by type name: a channel bundle installed at runtime is usable at once, and
 * one removed leaves its channels' messages waiting (retried) until it comes back or their deadline passes.
 */
@Component(service = ChannelRegistry.class)
public final class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<String, NotificationChannel> types = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel channel) {
        NotificationChannel previous = types.putIfAbsent(channel.type(), channel);
        if (previous != null && previous != channel) {
            LOG.warn(
                    "Two channel types are named {}; keeping {}",
                    channel.type(),
                    previous.getClass().getName());
        }
    }

    void removeChannel(NotificationChannel channel) {
        types.remove(channel.type(), channel);
    }

    public Optional<NotificationChannel> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<NotificationChannel> all() {
        return types.values().stream()
                .sorted(Comparator.comparing(NotificationChannel::type))
                .toList();
    }
}
