package org.sitekeeper.notifications.internal.service;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.NewSilence;
import org.sitekeeper.notifications.api.Recurrence;
import org.sitekeeper.notifications.api.SilenceDto;
import org.sitekeeper.notifications.internal.domain.SilenceSpec;
import org.sitekeeper.notifications.internal.domain.TopicPattern;
import org.sitekeeper.notifications.internal.domain.Window;
import org.sitekeeper.notifications.internal.store.SilenceDefinition;
import org.sitekeeper.notifications.internal.store.StoredSilence;

/** Checks a silence as staff wrote it and turns stored silences into {@link SilenceSpec}s. */
final class SilenceFields {

    static final int MAX_REASON = 500;
    static final int MAX_DURATION_MINUTES = 10_080; // a week
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY,
            "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    /** A silence checked and ready to store. */
    record Checked(String kind, String reason, SilenceDefinition definition, Instant startsAt, Instant endsAt) {}

    private SilenceFields() {}

    static Checked check(NewSilence body, Instant now) {
        String kind = body.kind() == null
                ? SilenceSpec.SILENCE
                : Validate.oneOf("kind", body.kind(), List.of(SilenceSpec.SILENCE, SilenceSpec.MAINTENANCE));
        String reason = Validate.optionalText("reason", body.reason(), MAX_REASON);
        List<Long> sites = body.siteIds() == null ? List.of() : body.siteIds();
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i) == null || sites.get(i) < 1) {
                throw new InvalidInputException("site_ids[" + i + "]", "site_ids[" + i + "] must be a site id");
            }
        }
        List<String> groups = new ArrayList<>();
        List<String> rawGroups = body.groups() == null ? List.of() : body.groups();
        for (int i = 0; i < rawGroups.size(); i++) {
            groups.add(Validate.requiredText("groups[" + i + "]", rawGroups.get(i), 100));
        }
        List<String> topics = new ArrayList<>();
        List<String> rawTopics = body.topics() == null ? List.of() : body.topics();
        for (int i = 0; i < rawTopics.size(); i++) {
            topics.add(TopicPattern.parse("topics[" + i + "]", rawTopics.get(i)).text());
        }
        if (sites.size() > RuleFields.MAX_LIST
                || groups.size() > RuleFields.MAX_LIST
                || topics.size() > RuleFields.MAX_LIST) {
            throw new InvalidInputException(
                    "site_ids", "a silence names at most " + RuleFields.MAX_LIST + " sites, groups and topics each");
        }
        Instant start = body.startsAt() != null ? body.startsAt() : now;
        Recurrence recurrence = body.recurrence() == null ? null : recurrence(body.recurrence());
        Instant end = body.endsAt();
        if (body.durationMinutes() != null) {
            if (end != null) {
                throw new InvalidInputException(
                        "duration_minutes", "give either ends_at or duration_minutes, not both");
            }
            if (recurrence != null) {
                throw new InvalidInputException(
                        "duration_minutes", "a recurring window takes its length from recurrence.duration_minutes");
            }
            end = start.plus(
                    Duration.ofMinutes(Validate.intInRange("duration_minutes", body.durationMinutes(), 1, 525_600)));
        }
        if (recurrence == null && end == null) {
            throw new InvalidInputException(
                    InvalidInputException.MISSING_FIELD,
                    "ends_at",
                    "a one-off silence needs ends_at or duration_minutes (or make it recurring)");
        }
        if (end != null && !end.isAfter(start)) {
            throw new InvalidInputException("ends_at", "ends_at must be after starts_at");
        }
        if (end != null && !end.isAfter(now)) {
            throw new InvalidInputException("ends_at", "ends_at must be in the future");
        }
        return new Checked(
                kind,
                reason,
                new SilenceDefinition(
                        List.copyOf(new LinkedHashSet<>(sites)),
                        List.copyOf(new LinkedHashSet<>(groups)),
                        topics,
                        recurrence),
                start,
                end);
    }

    private static Recurrence recurrence(Recurrence r) {
        if (r.days() == null || r.days().isEmpty()) {
            throw new InvalidInputException(
                    InvalidInputException.MISSING_FIELD, "recurrence.days", "recurrence.days names at least one day");
        }
        Set<String> days = new LinkedHashSet<>();
        for (int i = 0; i < r.days().size(); i++) {
            String day = r.days().get(i) == null ? "" : r.days().get(i).strip().toLowerCase(Locale.ROOT);
            if (day.length() > 3) {
                day = day.substring(0, 3); // "monday" → "mon"
            }
            if (!DAYS.containsKey(day)) {
                throw new InvalidInputException(
                        "recurrence.days[" + i + "]",
                        "recurrence.days[" + i + "] must be one of mon, tue, wed, thu, fri, sat, sun");
            }
            days.add(day);
        }
        if (r.start() == null) {
            throw InvalidInputException.missing("recurrence.start");
        }
        try {
            LocalTime.parse(r.start().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("recurrence.start", "recurrence.start must be a time of day such as 02:30");
        }
        if (r.durationMinutes() == null) {
            throw InvalidInputException.missing("recurrence.duration_minutes");
        }
        Validate.intInRange("recurrence.duration_minutes", r.durationMinutes(), 1, MAX_DURATION_MINUTES);
        String zone = r.timeZone() == null || r.timeZone().isBlank()
                ? "UTC"
                : r.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "recurrence.time_zone", "recurrence.time_zone must be an IANA time zone such as Europe/Paris");
        }
        return new Recurrence(List.copyOf(days), r.start().strip(), r.durationMinutes(), zone);
    }

    static SilenceSpec spec(StoredSilence s) {
        SilenceDefinition d = s.definition();
        return new SilenceSpec(
                s.id(),
                s.kind(),
                Set.copyOf(d.siteIds()),
                Set.copyOf(d.groups()),
                d.topics().stream().map(t -> TopicPattern.parse("topics", t)).toList(),
                window(s));
    }

    static Window window(StoredSilence s) {
        Recurrence r = s.definition().recurrence();
        if (r == null) {
            return Window.once(s.startsAt(), s.endsAt());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        r.days().forEach(d -> days.add(DAYS.get(d)));
        ZoneId zone = r.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(r.timeZone());
        return Window.weekly(
                s.startsAt(),
                s.endsAt(),
                days,
                LocalTime.parse(r.start()),
                Duration.ofMinutes(r.durationMinutes()),
                zone);
    }

    static SilenceDto dto(StoredSilence s, Instant now) {
        SilenceDefinition d = s.definition();
        return new SilenceDto(
                s.id(),
                s.kind(),
                s.reason(),
                d.siteIds(),
                d.groups(),
                d.topics(),
                s.startsAt(),
                s.endsAt(),
                d.recurrence(),
                s.createdBy(),
                s.createdAt(),
                window(s).activeAt(now));
    }
}
