package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;

/**
 * Channels, routing rules, silences, the delivery log and the in-app inbox. Reads need viewer; changing
 * channels, rules and silences needs ops. Every change is audited.
 */
@ProviderType
public interface NotificationService {

    List<ChannelTypeDto> channelTypes();

    List<ChannelDto> channels();

    Optional<ChannelDto> channel(long id);

    /**
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field, e.g. {@code config.url}
     * @throws org.sitekeeper.core.api.error.ConflictException when the name is taken
     */
    ChannelDto createChannel(NewChannel channel, Actor actor);

    ChannelDto updateChannel(long id, ChannelChange change, Actor actor);

    /** @throws org.sitekeeper.core.api.error.ConflictException while a rule still sends to it */
    void deleteChannel(long id, Actor actor);

    /** Sends a test message through a channel now and waits for the outcome (bounded by the channel's timeout). */
    TestResult testChannel(long id, List<String> recipients, Actor actor);

    List<RuleDto> rules();

    Optional<RuleDto> rule(long id);

    RuleDto createRule(NewRule rule, Actor actor);

    RuleDto updateRule(long id, NewRule rule, Actor actor);

    void deleteRule(long id, Actor actor);

    /** Silences and maintenance windows; ended one-off windows only when asked. */
    List<SilenceDto> silences(boolean includeEnded);

    SilenceDto createSilence(NewSilence silence, Actor actor);

    /** Ends a silence now (it stays in the list as ended). */
    SilenceDto expireSilence(long id, Actor actor);

    /** Whether a maintenance window covers the site (or, with {@code null}, the whole fleet) at {@code at}. */
    boolean inMaintenance(Long siteId, String topic, Instant at);

    Page<DeliveryDto> deliveries(DeliveryQuery query);

    /** One delivery with its attempts. */
    Optional<DeliveryDto> delivery(long id);

    Page<InboxItemDto> inbox(boolean unacknowledgedOnly, PageRequest page);

    InboxItemDto acknowledge(long id, Actor actor);

    /** Acknowledges every unacknowledged item; returns how many. */
    int acknowledgeAll(Actor actor);

    /** Raises an alert from outside as {@code sitekeeper/external/<event>}. */
    void raise(NewAlert alert, Actor actor);

    /** Queues a message outside the routing rules; returns the delivery id. */
    long sendDirect(DirectNotification notification, Actor actor);
}
