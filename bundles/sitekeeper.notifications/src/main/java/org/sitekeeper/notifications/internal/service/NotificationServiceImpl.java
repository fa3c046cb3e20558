package org.sitekeeper.notifications.internal.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.ChannelChange;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.ChannelTypeDto;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.DeliveryQuery;
import org.sitekeeper.notifications.api.DirectNotification;
import org.sitekeeper.notifications.api.InboxItemDto;
import org.sitekeeper.notifications.api.NewAlert;
import org.sitekeeper.notifications.api.NewChannel;
import org.sitekeeper.notifications.api.NewRule;
import org.sitekeeper.notifications.api.NewSilence;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.RuleDto;
import org.sitekeeper.notifications.api.SilenceDto;
import org.sitekeeper.notifications.api.TestResult;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.SilenceSpec;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.domain.TopicPattern;
import org.sitekeeper.notifications.internal.intake.Intake;
import org.sitekeeper.notifications.internal.outbox.Dispatcher;
import org.sitekeeper.notifications.internal.store.ChannelStore;
import org.sitekeeper.notifications.internal.store.DeliveryEntity;
import org.sitekeeper.notifications.internal.store.NewDelivery;
import org.sitekeeper.notifications.internal.store.StoredChannel;
import org.sitekeeper.notifications.internal.store.StoredRule;

/** Channels, rules, silences, the log and the inbox: validation, authorisation and audit around the stores. */
@Component(configurationPid = NotificationsConfig.PID)
public final class NotificationServiceImpl implements NotificationService {

    public static final String CAPABILITY = "notifications";
    static final int MAX_CHANNEL_NAME = 100;
    /** When a caller may try again while the intake queue is full. */
    private static final Duration INTAKE_FULL_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_PROPERTIES = 100;

    private final NotificationStores stores;
    private final ChannelRegistry registry;
    private final Routing routing;
    private final MessageRenderer renderer;
    private final Dispatcher dispatcher;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private final Duration deadline;
    private final Intake intake;

    @Activate
    public NotificationServiceImpl(
            @Reference NotificationStores stores,
            @Reference ChannelRegistry registry,
            @Reference Routing routing,
            @Reference MessageRenderer renderer,
            @Reference Dispatcher dispatcher,
            @Reference Intake intake,
            @Reference SecretBox secrets,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference Clock clock,
            NotificationsConfig config) {
        this.stores = stores;
        this.registry = registry;
        this.routing = routing;
        this.renderer = renderer;
        this.dispatcher = dispatcher;
        this.intake = intake;
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.deadline = Duration.ofHours(Math.max(1, config.delivery__deadline__hours()));
    }

    // ------------------------------------------------------------------ channels

    @Override
    public List<ChannelTypeDto> channelTypes() {
        return registry.all().stream()
                .map(t -> new ChannelTypeDto(t.type(), t.title(), t.needsRecipients(), t.fields()))
                .toList();
    }

    @Override
    public List<ChannelDto> channels() {
        return stores.channels().list().stream().map(StoredChannel::toDto).toList();
    }

    @Override
    public Optional<ChannelDto> channel(long id) {
        return stores.channels().find(id).map(StoredChannel::toDto);
    }

    @Override
    public ChannelDto createChannel(NewChannel request, Actor actor) {
        String attempt = request == null || request.name() == null ? null : "channel:" + request.name();
        return audit.perform(
                actor,
                "notification.channel.create",
                attempt,
                () -> {
                    require(actor, Role.OPS, "changing channels");
                    NewChannel body = Validate.body(request);
                    NotificationChannel type = type(body.type());
                    String name = Validate.requiredText("name", body.name(), MAX_CHANNEL_NAME);
                    Settings settings = settings(type, body.config() == null ? Map.of() : body.config());
                    StoredChannel stored = stores.channels()
                            .insert(
                                    type.type(),
                                    name,
                                    body.enabled() == null || body.enabled(),
                                    settings.plain(),
                                    id -> seal(id, settings.secrets()),
                                    clock.instant());
                    routing.invalidate();
                    return stored.toDto();
                },
                c -> "channel:" + c.id());
    }

    @Override
    public ChannelDto updateChannel(long id, ChannelChange change, Actor actor) {
        return audit.perform(
                actor,
                "notification.channel.update",
                "channel:" + id,
                () -> {
                    require(actor, Role.OPS, "changing channels");
                    ChannelChange body = Validate.body(change);
                    if (body.name() == null && body.config() == null && body.enabled() == null) {
                        throw new InvalidInputException("body", "say what to change: name, config or enabled");
                    }
                    StoredChannel stored =
                            stores.channels().find(id).orElseThrow(() -> NotFoundException.of("channel", id));
                    String name =
                            body.name() == null ? null : Validate.requiredText("name", body.name(), MAX_CHANNEL_NAME);
                    Map<String, Object> plain = null;
                    Map<String, String> sealed = null;
                    if (body.config() != null) {
                        NotificationChannel type = registry.type(stored.type())
                                .orElseThrow(
                                        () -> new ConflictException(
                                                "config",
                                                "channel type " + stored.type()
                                                        + " is not installed, so its settings cannot be checked; install it first"));
                        Map<String, Object> merged = new HashMap<>(body.config());
                        for (ChannelField field : type.fields()) {
                            String secret = stored.sealedSecrets().get(field.name());
                            // a secret left out keeps its value; one given as null is cleared
                            if (field.secret()
                                    && secret != null
                                    && !body.config().containsKey(field.name())) {
                                merged.put(
                                        field.name(),
                                        secrets.open(secret, StoredChannel.secretContext(id, field.name())));
                            }
                        }
                        merged.values().removeIf(v -> v == null);
                        Settings settings = settings(type, merged);
                        plain = settings.plain();
                        sealed = seal(id, settings.secrets());
                    }
                    StoredChannel updated = stores.channels()
                            .update(id, new ChannelStore.Change(name, body.enabled(), plain, sealed), clock.instant());
                    routing.invalidate();
                    return updated.toDto();
                },
                c -> "channel:" + c.id());
    }

    @Override
    public void deleteChannel(long id, Actor actor) {
        audit.perform(
                actor,
                "notification.channel.delete",
                "channel:" + id,
                () -> {
                    require(actor, Role.OPS, "changing channels");
                    List<String> users = stores.rules().list().stream()
                            .filter(r -> r.definition().targets().stream().anyMatch(t -> t.channelId() == id))
                            .map(StoredRule::name)
                            .toList();
                    if (!users.isEmpty()) {
                        throw new ConflictException(
                                "id",
                                "rules still send to this channel: " + String.join(", ", users)
                                        + "; change them first");
                    }
                    StoredChannel gone = stores.channels().delete(id);
                    routing.invalidate();
                    return gone;
                },
                c -> "channel:" + c.id());
    }

    @Override
    public TestResult testChannel(long id, List<String> recipients, Actor actor) {
        return audit.perform(
                actor,
                "notification.channel.test",
                "channel:" + id,
                () -> {
                    require(actor, Role.OPS, "testing channels");
                    StoredChannel channel =
                            stores.channels().find(id).orElseThrow(() -> NotFoundException.of("channel", id));
                    NotificationChannel type = registry.type(channel.type())
                            .orElseThrow(() -> new ConflictException(
                                    "id", "channel type " + channel.type() + " is not installed"));
                    List<String> to = recipients(type, "recipients", recipients);
                    Instant now = clock.instant();
                    MessageRenderer.Rendered message = renderer.renderTest(channel.name(), actor.name(), now);
                    long deliveryId = stores.outbox()
                            .inTransaction(tx -> tx.insert(new NewDelivery(
                                    null,
                                    null,
                                    null,
                                    Severity.INFO.wireName(),
                                    null,
                                    "test",
                                    null,
                                    id,
                                    to,
                                    message.subject(),
                                    message.message(),
                                    DeliveryEntity.PENDING,
                                    null,
                                    null,
                                    null,
                                    now,
                                    // leased at once below; only if this node dies first does the sender pick it up
                                    now.plus(Duration.ofMinutes(5)),
                                    // a test is tried once: it reports how the channel does now
                                    now)));
                    Dispatcher.Attempt attempt = dispatcher
                            .sendNow(deliveryId)
                            .orElseThrow(
                                    () -> new ConflictException("id", "the test message was taken by another sender"));
                    return new TestResult(deliveryId, attempt.outcome().wireName(), attempt.detail());
                },
                r -> "channel:" + id);
    }

    /** The settings split into what is stored plainly and the secrets to seal. */
    private record Settings(Map<String, Object> plain, Map<String, String> secrets) {}

    private Settings settings(NotificationChannel type, Map<String, Object> config) {
        Map<String, ChannelField> fields =
                type.fields().stream().collect(Collectors.toMap(ChannelField::name, f -> f, (a, b) -> a, TreeMap::new));
        for (String key : config.keySet()) {
            if (!fields.containsKey(key)) {
                throw new InvalidInputException(
                        "config." + key,
                        "config." + key + " is not a setting of " + type.type() + " channels; they take "
                                + String.join(", ", fields.keySet()));
            }
        }
        Map<String, Object> valid;
        try {
            valid = type.validate(new LinkedHashMap<>(config));
        } catch (ClassCastException e) {
            throw new InvalidInputException(
                    "config", "a setting of the " + type.type() + " channel has the wrong type");
        }
        Map<String, Object> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        valid.forEach((key, value) -> {
            ChannelField field = fields.get(key);
            if (value == null || field == null) {
                return;
            }
            if (field.secret()) {
                String text = value.toString();
                if (!text.isEmpty()) {
                    secret.put(key, text);
                }
            } else {
                plain.put(key, value);
            }
        });
        return new Settings(plain, secret);
    }

    private Map<String, String> seal(long channelId, Map<String, String> plain) {
        Map<String, String> sealed = new TreeMap<>();
        plain.forEach(
                (key, value) -> sealed.put(key, secrets.seal(value, StoredChannel.secretContext(channelId, key))));
        return sealed;
    }

    private NotificationChannel type(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.missing("type");
        }
        return registry.type(name.strip())
                .orElseThrow(() -> new InvalidInputException(
                        "type",
                        "type must be one of the installed channel types: "
                                + registry.all().stream()
                                        .map(NotificationChannel::type)
                                        .collect(Collectors.joining(", "))));
    }

    private static List<String> recipients(NotificationChannel type, String field, List<String> given) {
        List<String> out = new ArrayList<>();
        List<String> raw = given == null ? List.of() : given;
        if (raw.size() > RuleFields.MAX_RECIPIENTS) {
            throw new InvalidInputException(field, field + " has at most " + RuleFields.MAX_RECIPIENTS + " entries");
        }
        for (int i = 0; i < raw.size(); i++) {
            String f = field + "[" + i + "]";
            out.add(type.validateRecipient(f, Validate.requiredText(f, raw.get(i), 200)));
        }
        if (type.needsRecipients() && out.isEmpty()) {
            throw new InvalidInputException(
                    InvalidInputException.MISSING_FIELD,
                    field,
                    field + " is required: " + type.type() + " channels send to recipients");
        }
        if (!type.needsRecipients() && !out.isEmpty()) {
            throw new InvalidInputException(
                    field, field + " must be empty: " + type.type() + " channels send to a fixed place");
        }
        return out;
    }

    // ------------------------------------------------------------------ rules

    @Override
    public List<RuleDto> rules() {
        return stores.rules().list().stream().map(StoredRule::toDto).toList();
    }

    @Override
    public Optional<RuleDto> rule(long id) {
        return stores.rules().find(id).map(StoredRule::toDto);
    }

    @Override
    public RuleDto createRule(NewRule request, Actor actor) {
        String attempt = request == null || request.name() == null ? null : "rule:" + request.name();
        return audit.perform(
                actor,
                "notification.rule.create",
                attempt,
                () -> {
                    require(actor, Role.OPS, "changing rules");
                    NewRule body = Validate.body(request);
                    String name = RuleFields.name(body.name());
                    Integer position = RuleFields.position(body.position());
                    var definition = RuleFields.definition(body, lookup());
                    RuleDto rule = stores.rules()
                            .insert(
                                    name,
                                    body.enabled() == null || body.enabled(),
                                    position,
                                    definition,
                                    clock.instant())
                            .toDto();
                    routing.invalidate();
                    return rule;
                },
                r -> "rule:" + r.id());
    }

    @Override
    public RuleDto updateRule(long id, NewRule request, Actor actor) {
        return audit.perform(
                actor,
                "notification.rule.update",
                "rule:" + id,
                () -> {
                    require(actor, Role.OPS, "changing rules");
                    NewRule body = Validate.body(request);
                    stores.rules().find(id).orElseThrow(() -> NotFoundException.of("rule", id));
                    String name = RuleFields.name(body.name());
                    Integer position = RuleFields.position(body.position());
                    var definition = RuleFields.definition(body, lookup());
                    RuleDto rule = stores.rules()
                            .replace(
                                    id,
                                    name,
                                    body.enabled() == null || body.enabled(),
                                    position,
                                    definition,
                                    clock.instant())
                            .toDto();
                    routing.invalidate();
                    return rule;
                },
                r -> "rule:" + r.id());
    }

    @Override
    public void deleteRule(long id, Actor actor) {
        audit.perform(
                actor,
                "notification.rule.delete",
                "rule:" + id,
                () -> {
                    require(actor, Role.OPS, "changing rules");
                    StoredRule gone = stores.rules().delete(id);
                    routing.invalidate();
                    return gone;
                },
                r -> "rule:" + r.id());
    }

    private RuleFields.ChannelLookup lookup() {
        return new RuleFields.ChannelLookup(id -> stores.channels().find(id), registry::type);
    }

    // ------------------------------------------------------------------ silences

    @Override
    public List<SilenceDto> silences(boolean includeEnded) {
        Instant now = clock.instant();
        return stores.silences().list(includeEnded, now).stream()
                .map(s -> SilenceFields.dto(s, now))
                .toList();
    }

    @Override
    public SilenceDto createSilence(NewSilence request, Actor actor) {
        return audit.perform(
                actor,
                "notification.silence.create",
                null,
                () -> {
                    require(actor, Role.OPS, "silencing alerts");
                    Instant now = clock.instant();
                    SilenceFields.Checked s = SilenceFields.check(Validate.body(request), now);
                    SilenceDto silence = SilenceFields.dto(
                            stores.silences()
                                    .insert(
                                            s.kind(),
                                            s.reason(),
                                            s.definition(),
                                            s.startsAt(),
                                            s.endsAt(),
                                            actor.name(),
                                            now),
                            now);
                    routing.invalidate();
                    return silence;
                },
                s -> "silence:" + s.id());
    }

    @Override
    public SilenceDto expireSilence(long id, Actor actor) {
        return audit.perform(
                actor,
                "notification.silence.expire",
                "silence:" + id,
                () -> {
                    require(actor, Role.OPS, "ending silences");
                    Instant now = clock.instant();
                    SilenceDto silence = SilenceFields.dto(stores.silences().end(id, now), now);
                    routing.invalidate();
                    return silence;
                },
                s -> "silence:" + s.id());
    }

    @Override
    public boolean inMaintenance(Long siteId, String topic, Instant at) {
        SiteFacts site = routing.site(siteId);
        return routing.snapshot().silences().stream()
                .filter(s -> SilenceSpec.MAINTENANCE.equals(s.kind()))
                .anyMatch(s -> s.covers(siteId, site, topic, at));
    }

    // ------------------------------------------------------------------ log and inbox

    @Override
    public Page<DeliveryDto> deliveries(DeliveryQuery query) {
        return stores.outbox().list(query, channelNames());
    }

    @Override
    public Optional<DeliveryDto> delivery(long id) {
        return stores.outbox().find(id, channelNames());
    }

    private LongFunction<String> channelNames() {
        Map<Long, String> names = new HashMap<>();
        routing.snapshot().channels().values().forEach(c -> names.put(c.id(), c.name()));
        return id -> names.getOrDefault(id, "channel " + id);
    }

    @Override
    public Page<InboxItemDto> inbox(boolean unacknowledgedOnly, PageRequest page) {
        return stores.inbox().list(unacknowledgedOnly, page);
    }

    @Override
    public InboxItemDto acknowledge(long id, Actor actor) {
        return audit.perform(
                actor,
                "notification.inbox.acknowledge",
                "inbox:" + id,
                () -> stores.inbox().acknowledge(id, actor.name(), clock.instant()),
                i -> "inbox:" + i.id());
    }

    @Override
    public int acknowledgeAll(Actor actor) {
        return audit.perform(
                actor,
                "notification.inbox.acknowledge_all",
                "inbox",
                () -> stores.inbox().acknowledgeAll(actor.name(), clock.instant()),
                n -> "inbox:" + n + " items");
    }

    // ------------------------------------------------------------------ alerts from outside and direct messages

    @Override
    public void raise(NewAlert request, Actor actor) {
        require(actor, Role.OPS, "raising alerts");
        NewAlert body = Validate.body(request);
        String event = body.event() == null ? "ALERT" : body.event().strip();
        Validate.matches("event", event, EVENT_NAME, "an upper-case event name such as ALERT, DOWN or RESOLVED");
        Severity severity = severity(body.severity(), event);
        String key = Validate.requiredText("alert_key", body.alertKey(), 200);
        if (body.siteId() != null && body.siteId() < 1) {
            throw new InvalidInputException("site_id", "site_id must be a site id");
        }
        String title = Validate.requiredText("title", body.title(), 300);
        String message = Validate.optionalMultilineText("message", body.message(), 2000);
        String link = link(body.link());
        SitekeeperEvent posted = SitekeeperEvent.of("external", event)
                .severity(severity)
                .alertKey(key)
                .title(title)
                .message(message)
                .link(link)
                .actor(actor.name())
                .occurredAt(clock.instant());
        if (body.siteId() != null) {
            posted.site(body.siteId());
        }
        if (intake.saturated()) {
            // the event would be dropped: tell the caller to come back instead
            throw new RateLimitedException(
                    "the notification intake queue is full; retry shortly", INTAKE_FULL_RETRY_AFTER);
        }
        events.postEvent(posted.toEvent());
    }

    @Override
    public long sendDirect(DirectNotification request, Actor actor) {
        require(actor, Role.OPS, "sending notifications");
        DirectNotification body = Validate.body(request);
        if (body.channelType() == null || body.channelType().isBlank()) {
            throw InvalidInputException.missing("channel_type");
        }
        NotificationChannel type = registry.type(body.channelType().strip())
                .orElseThrow(() -> new InvalidInputException(
                        "channel_type", "channel_type " + body.channelType() + " is not installed"));
        StoredChannel channel = stores.channels().list().stream()
                .filter(c -> c.enabled() && c.type().equals(type.type()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "channel_type", "no enabled " + type.type() + " channel is configured"));
        List<String> to = recipients(type, "recipients", body.recipients());
        String template = Validate.requiredText("template", body.template(), 200);
        TopicPattern.parse("template", template);
        if (template.contains("*")) {
            throw new InvalidInputException(
                    "template", "template must be a topic such as sitekeeper/telemetry/UPGRADE");
        }
        Severity severity = severity(body.severity(), "ALERT");
        String dedupe = Validate.optionalText("dedupe_key", body.dedupeKey(), 190);
        Map<String, String> properties = body.properties() == null ? Map.of() : body.properties();
        if (properties.size() > MAX_PROPERTIES) {
            throw new InvalidInputException("properties", "properties has at most " + MAX_PROPERTIES + " entries");
        }
        String key = dedupe == null ? null : "direct:" + dedupe;
        if (key != null) {
            Optional<Long> sent = stores.outbox().findDirect(key);
            if (sent.isPresent()) {
                return sent.get();
            }
        }
        Instant now = clock.instant();
        Map<String, Object> raw = new HashMap<>(properties);
        raw.put(EventProperties.SEVERITY, severity.wireName());
        raw.putIfAbsent(EventProperties.TITLE, template);
        if (key != null) {
            raw.put(EventProperties.ALERT_KEY, key);
        }
        AlertEvent alert = AlertEvent.from(template, raw, now);
        MessageRenderer.Rendered message = renderer.render(alert, routing.site(alert.siteId()), "direct");
        long id = stores.outbox()
                .inTransaction(tx -> tx.insert(new NewDelivery(
                        null,
                        key,
                        template,
                        severity.wireName(),
                        alert.siteId(),
                        "direct",
                        null,
                        channel.id(),
                        to,
                        message.subject(),
                        message.message(),
                        DeliveryEntity.PENDING,
                        null,
                        null,
                        null,
                        now,
                        now,
                        now.plus(deadline))));
        dispatcher.wake();
        return id;
    }

    private static Severity severity(String given, String event) {
        if (given == null || given.isBlank()) {
            return "RESOLVED".equals(event) || "UP".equals(event) ? Severity.INFO : Severity.WARNING;
        }
        return Severity.fromWireName(given)
                .orElseThrow(
                        () -> new InvalidInputException("severity", "severity must be one of info, warning, critical"));
    }

    private static String link(String given) {
        String link = Validate.optionalText("link", given, 1000);
        if (link == null || link.startsWith("/")) {
            return link;
        }
        try {
            URI uri = new URI(link);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return link;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidInputException("link", "link must be an http(s) URL or a path in the hub starting with /");
    }

    private static void require(Actor actor, Role role, String what) {
        if (!actor.has(role)) {
            throw new ForbiddenException(what + " needs the " + role.wireName() + " role");
        }
    }
}
