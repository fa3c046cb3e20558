package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A configured channel; {@code secrets} is the sealed JSON of its secret settings. */
@Entity
@Table(name = "notifications_channel")
public class ChannelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 40)
    String type;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false)
    boolean enabled;

    @Column(nullable = false, length = 8000)
    String config;

    @Column(length = 8000)
    String secrets;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "updated_at", nullable = false)
    long updatedAt;

    @Column(name = "last_delivery_at")
    Long lastDeliveryAt;

    @Column(name = "last_delivery_status", length = 16)
    String lastDeliveryStatus;

    @Column(name = "last_error", length = 500)
    String lastError;

    @Version
    long version;
}
