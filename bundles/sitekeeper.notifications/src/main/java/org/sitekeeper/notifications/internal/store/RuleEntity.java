package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A routing rule; {@code definition} is the JSON of its conditions, targets and timings. */
@Entity
@Table(name = "notifications_rule")
public class RuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false)
    boolean enabled;

    @Column(nullable = false)
    int position;

    @Column(nullable = false, length = 8000)
    String definition;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "updated_at", nullable = false)
    long updatedAt;

    @Version
    long version;
}
