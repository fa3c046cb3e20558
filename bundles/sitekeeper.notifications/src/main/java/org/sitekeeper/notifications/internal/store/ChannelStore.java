package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.FlushModeType;
import javax.persistence.PersistenceException;

import com.fasterxml.jackson.core.type.TypeReference;

import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;

/** The configured channels. */
public final class ChannelStore {

    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {};

    /** What a change does to a channel; secrets are sealed by the caller for the channel's id. */
    public record Change(String name, Boolean enabled, Map<String, Object> config, Map<String, String> sealedSecrets) {}

    private final EntityManagerFactory emf;

    public ChannelStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public List<StoredChannel> list() {
        return Transactions.read(
                        emf, em -> em.createQuery("SELECT c FROM ChannelEntity c ORDER BY c.name", ChannelEntity.class)
                                .getResultList())
                .stream()
                .map(StoredChannel::of)
                .toList();
    }

    public Optional<StoredChannel> find(long id) {
        return Transactions.read(
                emf, em -> Optional.ofNullable(em.find(ChannelEntity.class, id)).map(StoredChannel::of));
    }

    /**
     * Inserts a channel; {@code seal} turns the new row's id into its sealed secrets (the id is part of the
     * sealing context, so sealing happens inside the insert).
     */
    public StoredChannel insert(
            String type,
            String name,
            boolean enabled,
            Map<String, Object> config,
            LongFunction<Map<String, String>> seal,
            Instant now) {
        try {
            return Transactions.inTransaction(emf, em -> {
                requireFreeName(em, name, null);
                ChannelEntity e = new ChannelEntity();
                e.type = type;
                e.name = name;
                e.enabled = enabled;
                e.config = Json.write(config);
                e.createdAt = now.toEpochMilli();
                e.updatedAt = e.createdAt;
                em.persist(e);
                em.flush();
                Map<String, String> sealed = seal.apply(e.id);
                e.secrets = sealed.isEmpty() ? null : Json.write(sealed);
                em.flush();
                return StoredChannel.of(e);
            });
        } catch (PersistenceException e) {
            throw duplicateOr(e, name);
        }
    }

    public StoredChannel update(long id, Change change, Instant now) {
        try {
            return Transactions.inTransaction(emf, em -> {
                ChannelEntity e = em.find(ChannelEntity.class, id);
                if (e == null) {
                    throw NotFoundException.of("channel", id);
                }
                if (change.name() != null) {
                    requireFreeName(em, change.name(), id);
                    e.name = change.name();
                }
                if (change.enabled() != null) {
                    e.enabled = change.enabled();
                }
                if (change.config() != null) {
                    e.config = Json.write(change.config());
                }
                if (change.sealedSecrets() != null) {
                    e.secrets = change.sealedSecrets().isEmpty() ? null : Json.write(change.sealedSecrets());
                }
                e.updatedAt = now.toEpochMilli();
                em.flush();
                return StoredChannel.of(e);
            });
        } catch (PersistenceException e) {
            throw duplicateOr(e, change.name());
        }
    }

    /** Deletes a channel; what is still queued for it is closed as failed (callers check rules first). */
    public StoredChannel delete(long id) {
        return Transactions.inTransaction(emf, em -> {
            ChannelEntity e = em.find(ChannelEntity.class, id);
            if (e == null) {
                throw NotFoundException.of("channel", id);
            }
            StoredChannel gone = StoredChannel.of(e);
            em.remove(e);
            // what is still queued for it can never be sent: close it in the log
            em.createQuery("UPDATE DeliveryEntity d SET d.status = :failed, d.lastError = :why,"
                            + " d.version = d.version + 1 WHERE d.channelId = :id AND d.status = :pending")
                    .setParameter("failed", DeliveryEntity.FAILED)
                    .setParameter("why", "the channel was deleted")
                    .setParameter("id", id)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .executeUpdate();
            return gone;
        });
    }

    /** Records how the channel's last delivery attempt went (shown with the channel). */
    public void recordOutcome(long id, Instant at, String status, String error) {
        Transactions.run(emf, em -> em.createQuery("UPDATE ChannelEntity c SET c.lastDeliveryAt = :at,"
                        + " c.lastDeliveryStatus = :status, c.lastError = :error WHERE c.id = :id")
                .setParameter("at", at.toEpochMilli())
                .setParameter("status", status)
                .setParameter("error", StoreSupport.cut(error, 500))
                .setParameter("id", id)
                .executeUpdate());
    }

    private static void requireFreeName(EntityManager em, String name, Long self) {
        boolean taken = em.createQuery("SELECT c.id FROM ChannelEntity c WHERE c.name = :name", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("name", name)
                .getResultStream()
                .anyMatch(other -> !other.equals(self));
        if (taken) {
            throw conflict(name);
        }
    }

    private static RuntimeException duplicateOr(PersistenceException e, String name) {
        return StoreSupport.isConstraintViolation(e) && name != null ? conflict(name) : e;
    }

    private static ConflictException conflict(String name) {
        return new ConflictException("name", "a channel named '" + name + "' already exists");
    }
}
