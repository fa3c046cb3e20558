package org.sitekeeper.notifications.internal.console;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.console.OverviewCard;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.store.Outbox;

/** The notifications card on the console overview: what went out in a day, what waits, the inbox. */
@Component
public final class NotificationsOverviewCard implements OverviewCard {

    private final NotificationStores stores;
    private final NotificationService notifications;
    private final Clock clock;

    @Activate
    public NotificationsOverviewCard(
            @Reference NotificationStores stores,
            @Reference NotificationService notifications,
            @Reference Clock clock) {
        this.stores = stores;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public String title() {
        return "Notifications";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void render(ConsoleUser user, PrintWriter out) {
        Instant now = clock.instant();
        Outbox.Stats stats = stores.outbox().stats(now, now.minus(Duration.ofHours(24)));
        long inbox = stores.inbox().countUnacknowledged();
        long silences = notifications.silences(false).stream()
                .filter(s -> s.activeNow())
                .count();
        out.println("<table class=\"sk-table\" id=\"sk-notification-counts\">");
        out.println(
                "<tr><td>Delivered (24 h)</td><td data-count=\"delivered\">" + stats.deliveredSince() + "</td></tr>");
        out.println("<tr><td>Failed (24 h)</td><td data-count=\"failed\">"
                + (stats.failedSince() > 0 ? Html.badge(Long.toString(stats.failedSince()), "bad") : "0")
                + "</td></tr>");
        out.println("<tr><td>Waiting to be sent</td><td data-count=\"pending\">" + stats.pending() + "</td></tr>");
        out.println("<tr><td>Unacknowledged in the inbox</td><td data-count=\"inbox\">"
                + (inbox > 0 ? Html.badge(Long.toString(inbox), "warn") : "0") + "</td></tr>");
        out.println("<tr><td>Active silences</td><td data-count=\"silences\">" + silences + "</td></tr>");
        out.println("</table>");
        out.println("<p><a href=\"notifications\">Channels</a> · <a href=\"notifications?view=log\">Delivery log</a> · "
                + "<a href=\"notifications?view=inbox\">Inbox</a></p>");
    }
}
