package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One attempt at a delivery and how it went. */
@Entity
@Table(name = "notifications_attempt")
public class AttemptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "delivery_id", nullable = false)
    long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    long attemptedAt;

    @Column(nullable = false, length = 16)
    String outcome;

    @Column(length = 500)
    String detail;

    @Column(name = "duration_ms", nullable = false)
    long durationMs;
}
