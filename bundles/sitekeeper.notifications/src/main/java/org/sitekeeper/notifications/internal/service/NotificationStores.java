package org.sitekeeper.notifications.internal.service;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.notifications.internal.store.ChannelStore;
import org.sitekeeper.notifications.internal.store.InboxStore;
import org.sitekeeper.notifications.internal.store.Outbox;
import org.sitekeeper.notifications.internal.store.RuleStore;
import org.sitekeeper.notifications.internal.store.SilenceStore;

/** The notifications tables, migrated to this bundle's schema version before anything uses them. */
@Component(service = NotificationStores.class)
public final class NotificationStores {

    public static final String MODULE = "notifications";

    private final ChannelStore channels;
    private final RuleStore rules;
    private final SilenceStore silences;
    private final Outbox outbox;
    private final InboxStore inbox;

    @Activate
    public NotificationStores(
            @Reference(target = "(osgi.unit.name=sitekeeper.notifications)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator) {
        this(emf, migrator, NotificationStores.class.getClassLoader());
    }

    NotificationStores(EntityManagerFactory emf, SchemaMigrator migrator, ClassLoader migrations) {
        migrator.migrate(MODULE, migrations);
        this.channels = new ChannelStore(emf);
        this.rules = new RuleStore(emf);
        this.silences = new SilenceStore(emf);
        this.outbox = new Outbox(emf);
        this.inbox = new InboxStore(emf);
    }

    public ChannelStore channels() {
        return channels;
    }

    public RuleStore rules() {
        return rules;
    }

    public SilenceStore silences() {
        return silences;
    }

    public Outbox outbox() {
        return outbox;
    }

    public InboxStore inbox() {
        return inbox;
    }
}
