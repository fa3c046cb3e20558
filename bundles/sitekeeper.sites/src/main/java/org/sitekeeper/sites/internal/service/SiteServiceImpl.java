package org.sitekeeper.sites.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.sites.api.NewSite;
import org.sitekeeper.sites.api.SiteChanges;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteEvents;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.api.SiteStatus;
import org.sitekeeper.sites.internal.domain.SiteFields;
import org.sitekeeper.sites.internal.domain.SiteUrls;
import org.sitekeeper.sites.internal.store.SiteEntity;
import org.sitekeeper.sites.internal.store.SiteStore;

/** The site registry: validation, ownership, audit and events around {@link SiteStore}. */
@Component
public final class SiteServiceImpl implements SiteService {

    private final SiteStore store;
    private final AuditLog audit;
    private final EventAdmin events;
    private final EgressPolicy egress;
    private final Clock clock;

    @Activate
    public SiteServiceImpl(
            @Reference(target = "(osgi.unit.name=sitekeeper.sites)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference EgressPolicy egress,
            @Reference Clock clock) {
        migrator.migrate(SiteEvents.CAPABILITY, SiteServiceImpl.class.getClassLoader());
        this.store = new SiteStore(emf);
        this.audit = audit;
        this.events = events;
        this.egress = egress;
        this.clock = clock;
    }

    @Override
    public SiteDto create(NewSite request, Actor actor) {
        String attempt = request == null || request.url() == null ? null : "url:" + request.url();
        SiteDto site =
                audit.perform(actor, "site.create", attempt, () -> insert(request, actor), SiteServiceImpl::target);
        post(
                "ADDED",
                site,
                actor,
                "Site added: " + site.name(),
                site.url() + " was added by " + actor.name(),
                Map.of());
        return site;
    }

    private SiteDto insert(NewSite request, Actor actor) {
        require(actor, Role.OPS);
        NewSite body = Validate.body(request);
        String url = checkedUrl(body.url());
        String owner = owner(body.owner(), actor);
        SiteStatus status = body.status() == null ? SiteStatus.PENDING : SiteFields.status("status", body.status());
        String name = SiteFields.name(body.name(), url);
        String group = SiteFields.group(body.group());
        List<String> tags = SiteFields.tags(body.tags());
        String notes = SiteFields.notes(body.notes());
        Instant now = clock.instant();
        return store.insert(() -> {
            SiteEntity site = new SiteEntity(url, name, owner, status, now);
            site.setGroup(group);
            site.setTags(tags);
            site.setNotes(notes);
            return site;
        });
    }

    @Override
    public Optional<SiteDto> find(long id) {
        return store.find(id);
    }

    @Override
    public Page<SiteDto> list(SiteQuery query) {
        return store.list(query);
    }

    @Override
    public SiteDto update(long id, SiteChanges changes, Actor actor) {
        SiteDto site = audit.perform(
                actor, "site.update", "site:" + id, () -> change(id, changes, actor), SiteServiceImpl::target);
        String fields = String.join(", ", changes.fields());
        post(
                "UPDATED",
                site,
                actor,
                "Site changed: " + site.name(),
                fields + " of " + site.url() + " changed by " + actor.name(),
                Map.of(SiteEvents.CHANGES, changes.fields().toArray(String[]::new)));
        return site;
    }

    private SiteDto change(long id, SiteChanges changes, Actor actor) {
        require(actor, Role.OPS);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException(
                    "body", "say what to change: url, name, group, tags, owner, notes or status");
        }
        // validate everything before touching the row
        String url = changes.changes(SiteChanges.URL) ? checkedUrl(changes.text(SiteChanges.URL)) : null;
        String name = changes.changes(SiteChanges.NAME)
                ? Validate.requiredText("name", changes.text(SiteChanges.NAME), SiteFields.MAX_NAME)
                : null;
        String group = SiteFields.group(changes.text(SiteChanges.GROUP));
        List<String> tags = SiteFields.tags(changes.tags());
        String notes = SiteFields.notes(changes.text(SiteChanges.NOTES));
        String owner = changes.changes(SiteChanges.OWNER) ? owner(changes.text(SiteChanges.OWNER), actor) : null;
        SiteStatus status = changes.changes(SiteChanges.STATUS)
                ? SiteFields.status("status", changes.text(SiteChanges.STATUS))
                : null;
        Instant now = clock.instant();
        return store.update(id, site -> {
            if (url != null) {
                site.setUrl(url);
            }
            if (name != null) {
                site.setName(name);
            }
            if (changes.changes(SiteChanges.GROUP)) {
                site.setGroup(group);
            }
            if (changes.changes(SiteChanges.TAGS)) {
                site.setTags(tags);
            }
            if (changes.changes(SiteChanges.NOTES)) {
                site.setNotes(notes);
            }
            if (owner != null) {
                site.setOwner(owner);
            }
            if (status != null) {
                site.setStatus(status);
            }
            site.touch(now);
        });
    }

    @Override
    public SiteDto disconnect(long id, Actor actor) {
        SiteDto site = audit.perform(
                actor,
                "site.disconnect",
                "site:" + id,
                () -> {
                    require(actor, Role.OPS);
                    Instant now = clock.instant();
                    return store.update(id, s -> {
                        s.setStatus(SiteStatus.DISCONNECTED);
                        s.touch(now);
                    });
                },
                SiteServiceImpl::target);
        post(
                "REMOVED",
                site,
                actor,
                "Site disconnected: " + site.name(),
                site.url() + " was disconnected by " + actor.name() + "; its history is kept",
                Map.of(SiteEvents.PURGED, Boolean.FALSE));
        return site;
    }

    @Override
    public void purge(long id, Actor actor) {
        SiteDto site = audit.perform(
                actor,
                "site.purge",
                "site:" + id,
                () -> {
                    require(actor, Role.OPS);
                    return store.delete(id);
                },
                SiteServiceImpl::target);
        post(
                "REMOVED",
                site,
                actor,
                "Site removed: " + site.name(),
                site.url() + " and its history were removed by " + actor.name(),
                Map.of(SiteEvents.PURGED, Boolean.TRUE));
    }

    @Override
    public Map<SiteStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    @Override
    public List<GroupCount> groups() {
        return store.groups();
    }

    @Override
    public void markSeen(long id, Instant at) {
        store.markSeen(id, at);
    }

    private String checkedUrl(String raw) {
        String url = SiteUrls.normalize("url", raw);
        egress.checkUserUrl("url", url);
        return url;
    }

    private static String owner(String requested, Actor actor) {
        if (requested == null || requested.isBlank()) {
            return SiteFields.owner(actor.name());
        }
        String owner = SiteFields.owner(requested);
        if (!owner.equals(actor.name()) && !actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only admins may give a site another owner");
        }
        return owner;
    }

    private static void require(Actor actor, Role role) {
        if (!actor.has(role)) {
            throw new ForbiddenException("changing sites needs the " + role.wireName() + " role");
        }
    }

    private static String target(SiteDto site) {
        return "site:" + site.id();
    }

    private void post(String name, SiteDto site, Actor actor, String title, String message, Map<String, ?> extra) {
        SitekeeperEvent event = SitekeeperEvent.of(SiteEvents.CAPABILITY, name)
                .site(site.id())
                .alertKey("site:" + site.id())
                .title(title)
                .message(message)
                .link("/system/console/sites?id=" + site.id())
                .actor(actor.name())
                .occurredAt(clock.instant())
                .property(SiteEvents.URL, site.url())
                .property(SiteEvents.STATUS, site.status().wireName());
        extra.forEach(event::property);
        events.postEvent(event.toEvent());
    }
}
