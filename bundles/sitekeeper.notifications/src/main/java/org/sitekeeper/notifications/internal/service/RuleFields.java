package org.sitekeeper.notifications.internal.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.NewRule;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.RuleTarget;
import org.sitekeeper.notifications.internal.domain.RuleSpec;
import org.sitekeeper.notifications.internal.domain.TopicPattern;
import org.sitekeeper.notifications.internal.store.RuleDefinition;
import org.sitekeeper.notifications.internal.store.StoredChannel;
import org.sitekeeper.notifications.internal.store.StoredRule;

/** Checks a rule as staff wrote it, naming the field at fault, and turns stored rules into {@link RuleSpec}s. */
final class RuleFields {

    static final int MAX_NAME = 100;
    static final int MAX_LIST = 50;
    static final int MAX_RECIPIENTS = 20;
    static final int MAX_MINUTES = 43_200; // 30 days
    static final int MAX_GROUP_WAIT = 3_600;
    static final int DEFAULT_COOLDOWN = 10;
    static final int DEFAULT_REPEAT = 240;
    static final int DEFAULT_GROUP_WAIT = 5;

    /** What validating targets needs to know about a channel. */
    record ChannelLookup(
            LongFunction<Optional<StoredChannel>> channel, Function<String, Optional<NotificationChannel>> type) {}

    private RuleFields() {}

    static String name(String value) {
        return Validate.requiredText("name", value, MAX_NAME);
    }

    static Integer position(Integer value) {
        return value == null ? null : Validate.intInRange("position", value, 0, 1_000_000);
    }

    static RuleDefinition definition(NewRule rule, ChannelLookup channels) {
        List<String> topics = new ArrayList<>();
        List<String> rawTopics = list(rule.topics());
        for (int i = 0; i < rawTopics.size(); i++) {
            topics.add(TopicPattern.parse("topics[" + i + "]", rawTopics.get(i)).text());
        }
        String severity = rule.minSeverity() == null
                ? Severity.WARNING.wireName()
                : Severity.fromWireName(rule.minSeverity())
                        .map(Severity::wireName)
                        .orElseThrow(() -> new InvalidInputException(
                                "min_severity", "min_severity must be one of info, warning, critical"));
        List<Long> siteIds = list(rule.siteIds());
        for (int i = 0; i < siteIds.size(); i++) {
            if (siteIds.get(i) == null || siteIds.get(i) < 1) {
                throw new InvalidInputException("site_ids[" + i + "]", "site_ids[" + i + "] must be a site id");
            }
        }
        List<String> groups = texts("groups", rule.groups(), 100);
        List<String> tags = texts("tags", rule.tags(), 50).stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
        List<RuleTarget> targets = targets(rule.targets(), channels);
        int cooldown = minutes("cooldown_minutes", rule.cooldownMinutes(), DEFAULT_COOLDOWN);
        int repeat = minutes("repeat_minutes", rule.repeatMinutes(), DEFAULT_REPEAT);
        int groupWait = rule.groupWaitSeconds() == null
                ? DEFAULT_GROUP_WAIT
                : Validate.intInRange("group_wait_seconds", rule.groupWaitSeconds(), 0, MAX_GROUP_WAIT);
        return new RuleDefinition(
                topics,
                severity,
                List.copyOf(new LinkedHashSet<>(siteIds)),
                groups,
                tags,
                targets,
                cooldown,
                repeat,
                groupWait,
                Boolean.TRUE.equals(rule.isDefault()));
    }

    private static List<RuleTarget> targets(List<RuleTarget> raw, ChannelLookup channels) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException(
                    InvalidInputException.MISSING_FIELD, "targets", "targets must name at least one channel");
        }
        if (raw.size() > MAX_LIST) {
            throw new InvalidInputException("targets", "a rule has at most " + MAX_LIST + " targets");
        }
        List<RuleTarget> targets = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "targets[" + i + "]";
            RuleTarget target = raw.get(i);
            if (target == null || target.channelId() == null) {
                throw InvalidInputException.missing(field + ".channel_id");
            }
            StoredChannel channel = channels.channel()
                    .apply(target.channelId())
                    .orElseThrow(() -> new InvalidInputException(
                            field + ".channel_id", field + ".channel_id: there is no channel " + target.channelId()));
            Optional<NotificationChannel> type = channels.type().apply(channel.type());
            List<String> recipients = new ArrayList<>();
            List<String> given = list(target.recipients());
            if (given.size() > MAX_RECIPIENTS) {
                throw new InvalidInputException(
                        field + ".recipients", "a target has at most " + MAX_RECIPIENTS + " recipients");
            }
            for (int r = 0; r < given.size(); r++) {
                String rf = field + ".recipients[" + r + "]";
                String recipient = Validate.requiredText(rf, given.get(r), 200);
                recipients.add(type.isPresent() ? type.get().validateRecipient(rf, recipient) : recipient);
            }
            if (type.isPresent() && type.get().needsRecipients() && recipients.isEmpty()) {
                throw new InvalidInputException(
                        InvalidInputException.MISSING_FIELD,
                        field + ".recipients",
                        field + ".recipients is required: " + channel.type() + " channels send to recipients");
            }
            if (type.isPresent() && !type.get().needsRecipients() && !recipients.isEmpty()) {
                throw new InvalidInputException(
                        field + ".recipients",
                        field + ".recipients must be empty: " + channel.type() + " channels send to a fixed place");
            }
            targets.add(new RuleTarget(channel.id(), List.copyOf(new LinkedHashSet<>(recipients))));
        }
        return targets;
    }

    private static int minutes(String field, Integer value, int defaultValue) {
        return value == null ? defaultValue : Validate.intInRange(field, value, 0, MAX_MINUTES);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> texts(String field, List<String> values, int max) {
        List<String> given = list(values);
        if (given.size() > MAX_LIST) {
            throw new InvalidInputException(field, field + " has at most " + MAX_LIST + " entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            out.add(Validate.requiredText(field + "[" + i + "]", given.get(i), max));
        }
        return List.copyOf(out);
    }

    /** A stored rule as routing uses it. */
    static RuleSpec spec(StoredRule rule) {
        RuleDefinition d = rule.definition();
        return new RuleSpec(
                rule.id(),
                rule.name(),
                rule.enabled(),
                rule.position(),
                d.topics().stream().map(t -> TopicPattern.parse("topics", t)).toList(),
                Severity.fromWireName(d.minSeverity()).orElse(Severity.WARNING),
                Set.copyOf(d.siteIds()),
                Set.copyOf(d.groups()),
                Set.copyOf(d.tags()),
                d.targets(),
                Duration.ofMinutes(d.cooldownMinutes()),
                Duration.ofMinutes(d.repeatMinutes()),
                Duration.ofSeconds(d.groupWaitSeconds()),
                d.isDefault());
    }
}
