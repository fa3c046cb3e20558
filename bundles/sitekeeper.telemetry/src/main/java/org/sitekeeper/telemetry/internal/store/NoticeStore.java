package org.sitekeeper.telemetry.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sitekeeper.core.api.persistence.Jdbc;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;

/** {@code telemetry_notice}: upgrade notices sent to merchants and their acknowledgement. */
public final class NoticeStore {

    private static final String SELECT = "SELECT id, installation_id, merchant_id, cms, current_version, "
            + "target_version, upgrade_type, channel, priority, status, detail, delivery_id, sent_by, sent_at, "
            + "acknowledged_at, acknowledged_by FROM telemetry_notice";

    private final Jdbc db;

    public NoticeStore(Jdbc db) {
        this.db = db;
    }

    public void add(UpgradeNoticeDto n) {
        db.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO telemetry_notice (id, installation_id, merchant_id, cms, current_version, target_version, "
                        + "upgrade_type, channel, priority, status, detail, delivery_id, sent_by, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.id(),
                n.pluginId(),
                n.merchantId(),
                n.cms(),
                n.currentVersion(),
                n.targetVersion(),
                n.upgradeType(),
                n.channel(),
                n.priority(),
                n.status(),
                n.detail(),
                Jdbc.orNull(n.deliveryId()),
                n.sentBy(),
                n.sentAt().toEpochMilli()));
    }

    public Optional<UpgradeNoticeDto> find(String id) {
        return db.query(SELECT + " WHERE id = ?", NoticeStore::row, id).stream().findFirst();
    }

    public List<UpgradeNoticeDto> of(String installationId) {
        return db.query(SELECT + " WHERE installation_id = ? ORDER BY sent_at DESC", NoticeStore::row, installationId);
    }

    /** In-app notices not acknowledged yet, of every installation (handed out in heartbeat replies). */
    public List<UpgradeNoticeDto> pendingInApp() {
        return db.query(
                SELECT + " WHERE channel = 'in-app' AND acknowledged_at IS NULL ORDER BY sent_at", NoticeStore::row);
    }

    /** Whether the installation was already sent a notice of this target version through this channel. */
    public boolean sent(String installationId, String targetVersion, String channel) {
        return db.read(c -> Jdbc.count(
                        c,
                        "SELECT COUNT(*) FROM telemetry_notice WHERE installation_id = ? AND target_version = ? "
                                + "AND channel = ?",
                        installationId,
                        targetVersion,
                        channel)
                > 0);
    }

    /** Sets the acknowledgement once; answers whether this call set it. */
    public boolean acknowledge(String id, String by, Instant at) {
        return db.inTransaction(c -> Jdbc.update(
                        c,
                        "UPDATE telemetry_notice SET acknowledged_at = ?, acknowledged_by = ?, "
                                + "status = 'acknowledged' WHERE id = ? AND acknowledged_at IS NULL",
                        at.toEpochMilli(),
                        by,
                        id)
                > 0);
    }

    public void setStatus(String id, String status) {
        db.inTransaction(c -> Jdbc.update(
                c, "UPDATE telemetry_notice SET status = ? WHERE id = ? AND acknowledged_at IS NULL", status, id));
    }

    public int deleteBefore(long before) {
        return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM telemetry_notice WHERE sent_at < ?", before));
    }

    private static UpgradeNoticeDto row(ResultSet rs) throws SQLException {
        Long ack = Jdbc.getLong(rs, "acknowledged_at");
        return new UpgradeNoticeDto(
                rs.getString("id"),
                rs.getString("installation_id"),
                rs.getString("merchant_id"),
                rs.getString("cms"),
                rs.getString("current_version"),
                rs.getString("target_version"),
                rs.getString("upgrade_type"),
                rs.getString("channel"),
                rs.getString("priority"),
                rs.getString("status"),
                rs.getString("detail"),
                Jdbc.getLong(rs, "delivery_id"),
                rs.getString("sent_by"),
                Instant.ofEpochMilli(rs.getLong("sent_at")),
                ack == null ? null : Instant.ofEpochMilli(ack),
                rs.getString("acknowledged_by"));
    }
}
