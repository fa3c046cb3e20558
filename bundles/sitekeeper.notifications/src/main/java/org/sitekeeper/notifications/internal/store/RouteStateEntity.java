package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** What one rule has sent about one alert. */
@Entity
@Table(name = "notifications_route_state")
public class RouteStateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "alert_id", nullable = false)
    long alertId;

    @Column(name = "rule_id", nullable = false)
    long ruleId;

    @Column(name = "notified_firing", nullable = false)
    boolean notifiedFiring;

    @Column(name = "last_notified_at")
    Long lastNotifiedAt;

    @Version
    long version;
}
