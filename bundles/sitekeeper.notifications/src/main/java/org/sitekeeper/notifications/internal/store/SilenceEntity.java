package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A silence or maintenance window; {@code definition} is the JSON of its matchers and recurrence. */
@Entity
@Table(name = "notifications_silence")
public class SilenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 16)
    String kind;

    @Column(length = 500)
    String reason;

    @Column(nullable = false, length = 8000)
    String definition;

    @Column(name = "starts_at", nullable = false)
    long startsAt;

    @Column(name = "ends_at")
    Long endsAt;

    @Column(name = "created_by", nullable = false, length = 120)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    long createdAt;
}
