package org.sitekeeper.sites.internal.service;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.audit.AuditQuery;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.sites.api.NewSite;
import org.sitekeeper.sites.api.SiteChanges;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteEvents;
import org.sitekeeper.sites.api.SiteStatus;
import org.sitekeeper.sites.internal.store.DerbyDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteServiceImplTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor OPS = new Actor("otto", Role.OPS, Actor.REST, "192.0.2.7");
    private static final Actor ADMIN = new Actor("ada", Role.ADMIN, Actor.SHELL, null);
    private static final Actor VIEWER = new Actor("vera", Role.VIEWER, Actor.CONSOLE, null);

    @TempDir
    static Path directory;

    private static DerbyDatabase database;

    private final List<Event> events = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();
    private SiteServiceImpl sites;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = new DerbyDatabase(directory);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void newService() {
        Transactions.run(
                database.emf(), em -> em.createQuery("DELETE FROM SiteEntity").executeUpdate());
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
        sites = new SiteServiceImpl(
                database.emf(),
                database.migrator(),
                new RecordingAudit(),
                eventAdmin,
                new LoopbackRefusingPolicy(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createNormalisesAuditsAndPostsAdded() {
        SiteDto site = sites.create(
                new NewSite("HTTPS://Shop.Example.com/", null, "clients", List.of("EU"), null, null, null), OPS);
        assertThat(site.url()).isEqualTo("https://shop.example.com");
        assertThat(site.name()).isEqualTo("shop.example.com");
        assertThat(site.owner()).isEqualTo("otto");
        assertThat(site.status()).isEqualTo(SiteStatus.PENDING);
        assertThat(audit).containsExactly("otto site.create site:" + site.id() + " success");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getTopic()).isEqualTo(SiteEvents.ADDED);
            assertThat(event.getProperty(EventProperties.SITE_ID)).isEqualTo(site.id());
            assertThat(event.getProperty(EventProperties.SEVERITY)).isEqualTo("info");
            assertThat(event.getProperty(EventProperties.ALERT_KEY)).isEqualTo("site:" + site.id());
            assertThat(event.getProperty(EventProperties.OCCURRED_AT)).isEqualTo(NOW.toString());
            assertThat(event.getProperty(EventProperties.ACTOR)).isEqualTo("otto");
            assertThat(event.getProperty(SiteEvents.URL)).isEqualTo("https://shop.example.com");
        });
    }

    @Test
    void aViewerIsDeniedAndTheDenialIsAudited() {
        assertThatThrownBy(() -> sites.create(NewSite.of("https://a.example"), VIEWER))
                .isInstanceOf(ForbiddenException.class);
        assertThat(audit).containsExactly("vera site.create url:https://a.example denied");
        assertThat(events).isEmpty();
    }

    @Test
    void onlyAdminsMayNameAnotherOwner() {
        NewSite forBob = new NewSite("https://a.example", null, null, null, "bob", null, null);
        assertThatThrownBy(() -> sites.create(forBob, OPS)).isInstanceOf(ForbiddenException.class);
        assertThat(sites.create(forBob, ADMIN).owner()).isEqualTo("bob");
    }

    @Test
    void theEgressPolicyRefusalNamesTheUrlAndIsAuditedAsFailure() {
        assertThatThrownBy(() -> sites.create(NewSite.of("http://127.0.0.1:8080"), OPS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThat(audit).containsExactly("otto site.create url:http://127.0.0.1:8080 failure");
        assertThat(sites.countByStatus().values()).allMatch(count -> count == 0);
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndNamesThemInTheEvent() {
        SiteDto site =
                sites.create(new NewSite("https://a.example", "A", "clients", List.of("eu"), null, "keep", null), OPS);
        events.clear();
        SiteDto changed = sites.update(
                site.id(), new SiteChanges().with(SiteChanges.STATUS, "active").with(SiteChanges.GROUP, null), OPS);
        assertThat(changed.status()).isEqualTo(SiteStatus.ACTIVE);
        assertThat(changed.group()).isNull();
        assertThat(changed.notes()).isEqualTo("keep");
        assertThat(changed.tags()).containsExactly("eu");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getTopic()).isEqualTo(SiteEvents.UPDATED);
            assertThat((String[]) event.getProperty(SiteEvents.CHANGES)).containsExactly("status", "group");
        });
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        SiteDto site = sites.create(NewSite.of("https://a.example"), OPS);
        SiteChanges changes =
                new SiteChanges().with(SiteChanges.NAME, "New").with(SiteChanges.TAGS, List.of("bad tag"));
        assertThatThrownBy(() -> sites.update(site.id(), changes, OPS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[0]"));
        assertThat(sites.find(site.id()).orElseThrow().name()).isEqualTo("a.example");
        assertThatThrownBy(() -> sites.update(site.id(), new SiteChanges(), OPS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void disconnectKeepsTheSiteAndPurgeRemovesIt() {
        SiteDto site = sites.create(NewSite.of("https://a.example"), OPS);
        events.clear();
        assertThat(sites.disconnect(site.id(), OPS).status()).isEqualTo(SiteStatus.DISCONNECTED);
        assertThat(sites.find(site.id())).isPresent();
        sites.purge(site.id(), OPS);
        assertThat(sites.find(site.id())).isEmpty();
        assertThat(events).extracting(Event::getTopic).containsExactly(SiteEvents.REMOVED, SiteEvents.REMOVED);
        assertThat(events).extracting(e -> e.getProperty(SiteEvents.PURGED)).containsExactly(false, true);
        assertThat(audit)
                .contains(
                        "otto site.disconnect site:" + site.id() + " success",
                        "otto site.purge site:" + site.id() + " success");
    }

    /** Records audit entries as "actor action target outcome". */
    private final class RecordingAudit implements AuditLog {
        @Override
        public void record(Actor actor, String action, String target, AuditOutcome outcome, String detail) {
            audit.add(actor.name() + " " + action + " " + target + " " + outcome.wireName());
        }

        @Override
        public Page<AuditEntry> query(AuditQuery query) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    /** Refuses loopback literals, as the default policy does. */
    private static final class LoopbackRefusingPolicy implements EgressPolicy {
        @Override
        public URI checkUserUrl(String field, String url) {
            if (url.contains("127.0.0.1")) {
                throw new InvalidInputException(field, field + " points to a loopback address");
            }
            return URI.create(url);
        }

        @Override
        public List<InetAddress> resolve(String host) {
            return List.of();
        }

        @Override
        public Optional<String> denialReason(InetAddress address) {
            return Optional.empty();
        }

        @Override
        public boolean allowsScheme(String scheme) {
            return true;
        }
    }
}
