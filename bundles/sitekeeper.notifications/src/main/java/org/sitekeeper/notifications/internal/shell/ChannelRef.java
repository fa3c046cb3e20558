package org.sitekeeper.notifications.internal.shell;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.NotificationService;

/** Finds a channel by id or by name, as admins type it. */
final class ChannelRef {

    private ChannelRef() {}

    static ChannelDto find(NotificationService notifications, String ref) {
        String wanted = ref.strip();
        return notifications.channels().stream()
                .filter(c -> Long.toString(c.id()).equals(wanted) || c.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("there is no channel with id or name '" + wanted + "'"));
    }
}
