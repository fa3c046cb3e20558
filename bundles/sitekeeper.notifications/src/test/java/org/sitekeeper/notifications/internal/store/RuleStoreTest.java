package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.notifications.api.RuleDto;
import org.sitekeeper.notifications.api.RuleTarget;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RouteState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static RuleStore store;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        store = new RuleStore(db.emf());
    }

    private static RuleDefinition definition(String topic, long channelId) {
        return new RuleDefinition(
                List.of(topic),
                "warning",
                List.of(42L, 43L),
                List.of("eu"),
                List.of("woo"),
                List.of(new RuleTarget(channelId, List.of("ops@example.com"))),
                10,
                240,
                30,
                false);
    }

    @Test
    void aRuleIsStoredWithItsWholeDefinition() {
        RuleDefinition definition = definition("sitekeeper/uptime/*", 7);

        StoredRule stored = store.insert("Uptime to ops", true, 5, definition, NOW);

        assertThat(stored.id()).isPositive();
        assertThat(store.find(stored.id())).contains(stored);
        assertThat(stored.definition()).isEqualTo(definition);
        assertThat(stored.position()).isEqualTo(5);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        RuleDto dto = stored.toDto();
        assertThat(dto.topics()).containsExactly("sitekeeper/uptime/*");
        assertThat(dto.targets()).containsExactly(new RuleTarget(7L, List.of("ops@example.com")));
        assertThat(dto.cooldownMinutes()).isEqualTo(10);
        assertThat(dto.repeatMinutes()).isEqualTo(240);
        assertThat(dto.groupWaitSeconds()).isEqualTo(30);
        assertThat(store.find(stored.id() + 100)).isEmpty();
    }

    @Test
    void aRuleWithoutAPositionGoesAfterTheLast() {
        StoredRule first = store.insert("first", true, null, definition("a/*", 1), NOW);
        StoredRule explicit = store.insert("explicit", true, 35, definition("b/*", 1), NOW);
        StoredRule appended = store.insert("appended", false, null, definition("c/*", 1), NOW);

        assertThat(first.position()).isEqualTo(10);
        assertThat(appended.position()).isEqualTo(45);
        assertThat(store.list()).extracting(StoredRule::name).containsExactly("first", "explicit", "appended");
        assertThat(explicit.enabled()).isTrue();
        assertThat(appended.enabled()).isFalse();
    }

    @Test
    void rulesAreListedByPositionThenId() {
        StoredRule b = store.insert("b", true, 20, definition("a/*", 1), NOW);
        StoredRule a = store.insert("a", true, 10, definition("a/*", 1), NOW);
        StoredRule c = store.insert("c", true, 20, definition("a/*", 1), NOW);

        assertThat(store.list()).extracting(StoredRule::id).containsExactly(a.id(), b.id(), c.id());
    }

    @Test
    void replacingARuleKeepsItsPositionUnlessGivenOne() {
        StoredRule stored = store.insert("old", true, 10, definition("a/*", 1), NOW);
        Instant later = NOW.plusSeconds(300);

        StoredRule replaced = store.replace(stored.id(), "new", false, null, definition("b/*", 2), later);

        assertThat(replaced.name()).isEqualTo("new");
        assertThat(replaced.enabled()).isFalse();
        assertThat(replaced.position()).isEqualTo(10);
        assertThat(replaced.definition()).isEqualTo(definition("b/*", 2));
        assertThat(replaced.createdAt()).isEqualTo(NOW);
        assertThat(replaced.updatedAt()).isEqualTo(later);
        assertThat(store.find(stored.id())).contains(replaced);

        assertThat(store.replace(stored.id(), "new", true, 99, definition("b/*", 2), later)
                        .position())
                .isEqualTo(99);
        assertThatThrownBy(() -> store.replace(stored.id() + 100, "x", true, null, definition("a/*", 1), later))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingARuleForgetsWhatItRememberedAboutAlerts() {
        StoredRule doomed = store.insert("doomed", true, 10, definition("a/*", 1), NOW);
        StoredRule kept = store.insert("kept", true, 20, definition("a/*", 1), NOW);
        Outbox outbox = new Outbox(db.emf());
        long alert = outbox.inTransaction(tx -> {
            long id = tx.fire(AlertEvent.from("sitekeeper/uptime/DOWN", java.util.Map.of("site.id", 42L), NOW), NOW);
            tx.saveRouteState(id, doomed.id(), new RouteState(true, NOW));
            tx.saveRouteState(id, kept.id(), new RouteState(true, NOW));
            return id;
        });

        assertThat(store.delete(doomed.id()).name()).isEqualTo("doomed");

        assertThat(store.list()).extracting(StoredRule::name).containsExactly("kept");
        assertThat(db.query("SELECT rule_id FROM notifications_route_state WHERE alert_id = ?", alert))
                .extracting(r -> ((Number) r.get("rule_id")).longValue())
                .containsExactly(kept.id());
        assertThatThrownBy(() -> store.delete(doomed.id())).isInstanceOf(NotFoundException.class);
    }
}
