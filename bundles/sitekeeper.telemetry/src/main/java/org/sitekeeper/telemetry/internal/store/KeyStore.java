package org.sitekeeper.telemetry.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_merchant} and {@code telemetry_key}: merchants and the hashes of their API keys. */
public final class KeyStore {

    /** A key with its merchant. */
    public record KeyRow(
            String id,
            String merchantId,
            String merchantName,
            String merchantEmail,
            String merchantPhone,
            String keyHash,
            String keyPrefix,
            String createdBy,
            Instant createdAt,
            Instant revokedAt) {}

    private static final String SELECT = "SELECT k.id, k.merchant_id, m.merchant_name, m.merchant_email, "
            + "m.merchant_phone, k.key_hash, k.key_prefix, k.created_by, k.created_at, k.revoked_at "
            + "FROM telemetry_key k JOIN telemetry_merchant m ON m.merchant_id = k.merchant_id";

    private final Jdbc db;

    public KeyStore(Jdbc db) {
        this.db = db;
    }

    /** Creates or updates the merchant and stores a new key's hash. */
    public void create(
            String id,
            String merchantId,
            String name,
            String email,
            String phone,
            String hash,
            String prefix,
            String createdBy,
            long now) {
        db.inTransaction(c -> {
            int updated = Jdbc.update(
                    c,
                    "UPDATE telemetry_merchant SET merchant_name = ?, merchant_email = ?, "
                            + "merchant_phone = COALESCE(?, merchant_phone), updated_at = ? WHERE merchant_id = ?",
                    name,
                    email,
                    phone,
                    now,
                    merchantId);
            if (updated == 0) {
                Jdbc.update(
                        c,
                        "INSERT INTO telemetry_merchant (merchant_id, merchant_name, merchant_email, merchant_phone, "
                                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        merchantId,
                        name,
                        email,
                        phone,
                        now,
                        now);
            }
            Jdbc.update(
                    c,
                    "INSERT INTO telemetry_key (id, merchant_id, key_hash, key_prefix, created_by, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    id,
                    merchantId,
                    hash,
                    prefix,
                    createdBy,
                    now);
            return null;
        });
    }

    public List<KeyRow> all() {
        return db.query(SELECT + " ORDER BY k.created_at", KeyStore::row);
    }

    public List<KeyRow> ofMerchant(String merchantId) {
        return db.query(SELECT + " WHERE k.merchant_id = ? ORDER BY k.created_at", KeyStore::row, merchantId);
    }

    public Optional<KeyRow> find(String id) {
        return db.query(SELECT + " WHERE k.id = ?", KeyStore::row, id).stream().findFirst();
    }

    public Optional<KeyRow> byHash(String hash) {
        return db.query(SELECT + " WHERE k.key_hash = ?", KeyStore::row, hash).stream()
                .findFirst();
    }

    /** Revokes a key; answers whether it was active. */
    public boolean revoke(String id, long now) {
        return db.inTransaction(c ->
                Jdbc.update(c, "UPDATE telemetry_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id)
                        > 0);
    }

    private static KeyRow row(ResultSet rs) throws SQLException {
        Long revoked = Jdbc.getLong(rs, "revoked_at");
        return new KeyRow(
                rs.getString("id"),
                rs.getString("merchant_id"),
                rs.getString("merchant_name"),
                rs.getString("merchant_email"),
                rs.getString("merchant_phone"),
                rs.getString("key_hash"),
                rs.getString("key_prefix"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                revoked == null ? null : Instant.ofEpochMilli(revoked));
    }
}
