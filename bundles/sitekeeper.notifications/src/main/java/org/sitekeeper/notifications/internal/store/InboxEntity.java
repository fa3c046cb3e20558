package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An in-app notification. */
@Entity
@Table(name = "notifications_inbox")
public class InboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "delivery_id")
    Long deliveryId;

    @Column(nullable = false, length = 300)
    String title;

    @Column(length = 4000)
    String message;

    @Column(nullable = false, length = 16)
    String severity;

    @Column(length = 200)
    String topic;

    @Column(name = "site_id")
    Long siteId;

    @Column(length = 1000)
    String link;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "acknowledged_at")
    Long acknowledgedAt;

    @Column(name = "acknowledged_by", length = 120)
    String acknowledgedBy;
}
