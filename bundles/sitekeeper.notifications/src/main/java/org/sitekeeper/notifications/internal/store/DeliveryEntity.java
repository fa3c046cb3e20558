package org.sitekeeper.notifications.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One message for one channel: the outbox while {@code pending}, the delivery log afterwards. {@code message} is
 * the JSON of the rendered text, HTML and alerts; {@code claimedBy}/{@code claimedUntil} lease it to one node.
 */
@Entity
@Table(name = "notifications_delivery")
public class DeliveryEntity {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String SUPPRESSED = "suppressed";
    public static final String GROUPED = "grouped";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "alert_id")
    Long alertId;

    @Column(name = "alert_key", length = 200)
    String alertKey;

    @Column(length = 200)
    String topic;

    @Column(nullable = false, length = 16)
    String severity;

    @Column(name = "site_id")
    Long siteId;

    @Column(nullable = false, length = 16)
    String kind;

    @Column(name = "rule_id")
    Long ruleId;

    @Column(name = "channel_id", nullable = false)
    long channelId;

    @Column(length = 2000)
    String recipients;

    @Column(nullable = false, length = 300)
    String subject;

    @Column(nullable = false)
    String message;

    @Column(nullable = false, length = 16)
    String status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    long nextAttemptAt;

    @Column(name = "deadline_at", nullable = false)
    long deadlineAt;

    @Column(name = "claimed_by", length = 64)
    String claimedBy;

    @Column(name = "claimed_until")
    Long claimedUntil;

    @Column(name = "group_key", length = 300)
    String groupKey;

    @Column(name = "grouped_into")
    Long groupedInto;

    @Column(name = "suppressed_by")
    Long suppressedBy;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "delivered_at")
    Long deliveredAt;

    @Column(name = "last_error", length = 500)
    String lastError;

    @Version
    long version;
}
