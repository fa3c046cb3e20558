package org.sitekeeper.notifications.internal.channels;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.store.InboxStore;

/** The in-app inbox: staff see the notification in the console and over REST and acknowledge it. */
@Component(service = NotificationChannel.class)
public final class InAppChannel implements NotificationChannel {

    static final String TYPE = "in_app";

    private final NotificationStores stores;
    private final Clock clock;

    @Activate
    public InAppChannel(@Reference NotificationStores stores, @Reference Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "In-app inbox";
    }

    @Override
    public List<ChannelField> fields() {
        return List.of();
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        return Map.of();
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        AlertSummary first =
                message.alerts().isEmpty() ? null : message.alerts().get(0);
        boolean single = message.alerts().size() == 1;
        long id = stores.inbox()
                .add(
                        new InboxStore.NewItem(
                                message.deliveryId(),
                                message.subject(),
                                single
                                                && first.message() != null
                                                && !first.message().isBlank()
                                        ? first.message()
                                        : message.text(),
                                message.severity(),
                                first == null ? null : first.topic(),
                                single ? first.siteId() : null,
                                single ? first.link() : null),
                        clock.instant());
        return DeliveryResult.delivered("inbox item " + id);
    }
}
