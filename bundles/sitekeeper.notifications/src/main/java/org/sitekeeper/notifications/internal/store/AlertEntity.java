package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One alert key: firing or resolved, with the last event that concerned it (JSON). */
@Entity
@Table(name = "notifications_alert")
public class AlertEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "alert_key", nullable = false, length = 200)
    String alertKey;

    @Column(nullable = false, length = 200)
    String topic;

    @Column(name = "site_id")
    Long siteId;

    @Column(nullable = false, length = 16)
    String severity;

    @Column(nullable = false, length = 300)
    String title;

    @Column(nullable = false, length = 16)
    String status;

    @Column(name = "first_at", nullable = false)
    long firstAt;

    @Column(name = "last_at", nullable = false)
    long lastAt;

    @Column(nullable = false)
    int occurrences;

    @Column(name = "resolved_at")
    Long resolvedAt;

    @Column(nullable = false, length = 8000)
    String event;

    @Version
    long version;
}
