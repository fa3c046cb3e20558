package org.sitekeeper.core.internal.store;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditOutcome;

/** One audit log row. */
@Entity
@Table(name = "core_audit")
@NamedQuery(name = "Audit.purgeBefore", query = "DELETE FROM AuditEntity a WHERE a.at < :before")
public class AuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private long at;

    @Column(nullable = false, length = 120)
    private String actor;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(nullable = false, length = 16)
    private String channel;

    @Column(nullable = false, length = 80)
    private String action;

    @Column(length = 200)
    private String target;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(length = 1000)
    private String detail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuditEntity() {}

    public AuditEntity(
            Instant at,
            String actor,
            String role,
            String channel,
            String action,
            String target,
            AuditOutcome outcome,
            String detail,
            String clientAddress) {
        this.at = at.toEpochMilli();
        this.actor = actor;
        this.role = role;
        this.channel = channel;
        this.action = action;
        this.target = target;
        this.outcome = outcome.wireName();
        this.detail = detail;
        this.clientAddress = clientAddress;
    }

    public AuditEntry toDto() {
        return new AuditEntry(
                id,
                Instant.ofEpochMilli(at),
                actor,
                role,
                channel,
                action,
                target,
                AuditOutcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
                detail,
                clientAddress);
    }
}
