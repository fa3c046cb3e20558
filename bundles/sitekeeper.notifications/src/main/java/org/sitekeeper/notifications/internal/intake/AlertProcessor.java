package org.sitekeeper.notifications.internal.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sitekeeper.notifications.api.RuleTarget;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.Decision;
import org.sitekeeper.notifications.internal.domain.NotificationPolicy;
import org.sitekeeper.notifications.internal.domain.RouteState;
import org.sitekeeper.notifications.internal.domain.Router;
import org.sitekeeper.notifications.internal.domain.RuleSpec;
import org.sitekeeper.notifications.internal.domain.SilenceSpec;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.service.MessageRenderer;
import org.sitekeeper.notifications.internal.service.Routing;
import org.sitekeeper.notifications.internal.store.AlertTx;
import org.sitekeeper.notifications.internal.store.DeliveryEntity;
import org.sitekeeper.notifications.internal.store.FiringRoute;
import org.sitekeeper.notifications.internal.store.NewDelivery;

/**
 * Turns one event into outbox entries inside the caller's transaction: records the alert, picks the rules
 * (every matching rule for a firing alert; for a recovery, the rules that sent its alert), applies dedupe and
 * silences per rule, and writes one delivery per target.
 */
public final class AlertProcessor {

    private final MessageRenderer renderer;
    private final Duration deadline;

    public AlertProcessor(MessageRenderer renderer, Duration deadline) {
        this.renderer = renderer;
        this.deadline = deadline;
    }

    /** @return how many deliveries were queued to be sent */
    public int process(AlertTx tx, AlertEvent alert, SiteFacts site, Routing.Snapshot routing, Instant now) {
        long alertId;
        List<RuleSpec> rules;
        Map<Long, RouteState> states;
        if (alert.recovery()) {
            Optional<Long> known = tx.resolve(alert, now);
            if (known.isEmpty()) {
                return 0; // nothing was raised under this key: nothing to close
            }
            alertId = known.get();
            states = tx.routeStates(alertId);
            rules = routing.rules().stream()
                    .filter(r -> r.enabled()
                            && states.getOrDefault(r.id(), RouteState.NEW).notifiedFiring())
                    .toList();
        } else {
            alertId = tx.fire(alert, now);
            rules = Router.route(alert, site, routing.rules());
            states = rules.isEmpty() ? Map.of() : tx.routeStates(alertId);
        }
        if (rules.isEmpty()) {
            return 0;
        }
        Optional<SilenceSpec> silence = routing.silence(alert, site, now);
        Map<String, MessageRenderer.Rendered> rendered = new HashMap<>();
        int queued = 0;
        for (RuleSpec rule : rules) {
            RouteState state = states.getOrDefault(rule.id(), RouteState.NEW);
            Decision decision = NotificationPolicy.decide(alert, rule, state, silence.isPresent(), now);
            if (decision.action() == Decision.Action.SKIP) {
                continue;
            }
            if (!decision.state().equals(state)) {
                tx.saveRouteState(alertId, rule.id(), decision.state());
            }
            MessageRenderer.Rendered message =
                    rendered.computeIfAbsent(decision.kind(), kind -> renderer.render(alert, site, kind));
            queued += queue(tx, alertId, alert, rule, decision, silence, message, routing, now);
        }
        return queued;
    }

    /** A reminder for an alert still firing, if its rule wants one now. */
    public int remind(AlertTx tx, FiringRoute route, SiteFacts site, Routing.Snapshot routing, Instant now) {
        Optional<RuleSpec> rule = routing.rule(route.ruleId());
        if (rule.isEmpty() || !rule.get().enabled()) {
            return 0;
        }
        RouteState state = new RouteState(true, route.lastNotifiedAt());
        if (!NotificationPolicy.repeatDue(rule.get(), state, now)) {
            return 0;
        }
        if (!tx.advanceRouteState(route.alertId(), route.ruleId(), route.lastNotifiedAt(), now)) {
            return 0; // another node sent this reminder
        }
        AlertEvent alert = route.event();
        Optional<SilenceSpec> silence = routing.silence(alert, site, now);
        Decision decision = new Decision(
                silence.isPresent() ? Decision.Action.SUPPRESS : Decision.Action.SEND,
                NotificationPolicy.REPEAT,
                new RouteState(true, now),
                silence.isPresent() ? "silenced" : null);
        MessageRenderer.Rendered message = renderer.render(alert, site, NotificationPolicy.REPEAT);
        return queue(tx, route.alertId(), alert, rule.get(), decision, silence, message, routing, now);
    }

    private int queue(
            AlertTx tx,
            long alertId,
            AlertEvent alert,
            RuleSpec rule,
            Decision decision,
            Optional<SilenceSpec> silence,
            MessageRenderer.Rendered message,
            Routing.Snapshot routing,
            Instant now) {
        boolean send = decision.action() == Decision.Action.SEND;
        int queued = 0;
        for (RuleTarget target : rule.targets()) {
            Routing.ChannelInfo channel = routing.channels().get(target.channelId());
            if (channel == null || !channel.enabled()) {
                continue;
            }
            List<String> recipients = target.recipients() == null ? List.of() : target.recipients();
            String groupKey = rule.groupWait().isZero() ? null : groupKey(rule.id(), channel.id(), recipients);
            tx.insert(new NewDelivery(
                    alertId,
                    alert.alertKey(),
                    alert.topic(),
                    alert.severity().wireName(),
                    alert.siteId(),
                    decision.kind(),
                    rule.id(),
                    channel.id(),
                    recipients,
                    message.subject(),
                    message.message(),
                    send ? DeliveryEntity.PENDING : DeliveryEntity.SUPPRESSED,
                    silence.filter(s -> !send).map(SilenceSpec::id).orElse(null),
                    send
                            ? null
                            : silence.map(s -> "suppressed by " + s.kind() + " #" + s.id())
                                    .orElse(decision.reason()),
                    groupKey,
                    now,
                    now.plus(rule.groupWait()),
                    now.plus(deadline)));
            if (send) {
                queued++;
            }
        }
        return queued;
    }

    /** Messages of one rule to one channel and the same recipients wait together and go out as one. */
    static String groupKey(long ruleId, long channelId, List<String> recipients) {
        String who = "";
        if (!recipients.isEmpty()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(String.join("\n", recipients).getBytes(StandardCharsets.UTF_8));
                who = ":" + HexFormat.of().formatHex(digest, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing", e);
            }
        }
        return "rule:" + ruleId + ":channel:" + channelId + who;
    }
}
