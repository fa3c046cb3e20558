package org.sitekeeper.notifications.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel type, registered as a service: the hub sends through every type registered now, so a bundle
 * installed at runtime adds its type at once. Implementations must be thread-safe, keep within
 * {@link OutgoingMessage#deadline()}, make every network call through the hub's egress policy
 * ({@code OutboundHttp} or the policy's resolution) and never log a secret.
 */
@ConsumerType
public interface NotificationChannel {

    /** Stable type name used in the API, e.g. {@code email}, {@code slack}. */
    String type();

    /** Human name, e.g. {@code Email (SMTP)}. */
    String title();

    /** The settings a channel of this type takes; secret ones are encrypted at rest and never shown. */
    List<ChannelField> fields();

    /**
     * Checks and normalises settings before they are stored.
     *
     * @return the settings to store (secrets included; the hub seals them)
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming {@code config.<field>}
     */
    Map<String, Object> validate(Map<String, Object> config);

    /**
     * Checks a recipient (an address, a phone number) for this type.
     *
     * @return the normalised recipient
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming {@code field}
     */
    default String validateRecipient(String field, String recipient) {
        return recipient;
    }

    /** Whether messages of this type go to recipients named by rules (email, SMS) or to a fixed place. */
    default boolean needsRecipients() {
        return false;
    }

    /** Sends one message. Must not throw for delivery problems: report them in the result. */
    DeliveryResult deliver(OutgoingMessage message);
}
