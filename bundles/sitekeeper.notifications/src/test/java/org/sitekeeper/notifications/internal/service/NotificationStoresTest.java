package org.sitekeeper.notifications.internal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.notifications.internal.store.InboxStore;
import org.sitekeeper.notifications.internal.store.NotificationsDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationStoresTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    @Test
    void theStoresMigrateTheSchemaBeforeUseAndOnlyOnce() throws Exception {
        try (NotificationsDatabase db = NotificationsDatabase.unmigrated(NotificationStoresTest.class)) {
            NotificationStores stores =
                    new NotificationStores(db.emf(), db.migrator(), NotificationStores.class.getClassLoader());

            List<Map<String, Object>> history = db.query(
                    "SELECT \"version\", \"success\" FROM \"notifications_schema_history\" WHERE \"version\" <> '0'");
            assertThat(history).containsExactly(Map.of("version", "1", "success", true));
            assertThat(db.migrator().migrate(NotificationStores.MODULE, NotificationStores.class.getClassLoader()))
                    .isEqualTo("1");

            // a second activation (a bundle restart) finds nothing to do
            long applied = db.count("SELECT COUNT(*) FROM \"notifications_schema_history\"");
            NotificationStores again = new NotificationStores(db.emf(), db.migrator());
            assertThat(db.count("SELECT COUNT(*) FROM \"notifications_schema_history\""))
                    .isEqualTo(applied);

            // every store works on the migrated tables, and they are the same tables
            long inboxId = stores.inbox().add(new InboxStore.NewItem(1, "t", "m", "info", null, null, null), NOW);
            assertThat(again.inbox().list(false, PageRequest.first()).items())
                    .singleElement()
                    .satisfies(i -> assertThat(i.id()).isEqualTo(inboxId));
            assertThat(stores.channels().list()).isEmpty();
            assertThat(stores.rules().list()).isEmpty();
            assertThat(stores.silences().list(true, NOW)).isEmpty();
            assertThat(stores.outbox().nextDue()).isEmpty();
            // the message column is the long text type of the vendor
            assertThat(db.value("SELECT c.COLUMNDATATYPE FROM SYS.SYSCOLUMNS c JOIN SYS.SYSTABLES t"
                                    + " ON c.REFERENCEID = t.TABLEID WHERE t.TABLENAME = 'NOTIFICATIONS_DELIVERY'"
                                    + " AND c.COLUMNNAME = 'MESSAGE'")
                            .toString())
                    .startsWith("CLOB");
        }
    }
}
