package org.sitekeeper.notifications.internal.service;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.MessageModel;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.domain.TemplateSet;
import org.sitekeeper.notifications.internal.domain.Templates;
import org.sitekeeper.notifications.internal.store.Outbox;
import org.sitekeeper.notifications.internal.store.StoredMessage;

/** Renders messages from the templates (the operator's overrides first, then the built-in ones). */
@Component(service = MessageRenderer.class, configurationPid = NotificationsConfig.PID)
public final class MessageRenderer implements Outbox.Merger {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A rendered message: its subject and what the outbox keeps. */
    public record Rendered(String subject, StoredMessage message) {}

    private volatile Templates templates;
    private volatile String publicUrl;

    @Activate
    public MessageRenderer(NotificationsConfig config) {
        modified(config);
    }

    /** For tests: templates from a directory of overrides (may be missing) and the built-in ones. */
    MessageRenderer(Path overrides, String publicUrl) {
        this.templates = new Templates(overrides, MessageRenderer.class.getClassLoader()::getResource);
        this.publicUrl = publicUrl;
    }

    @Modified
    void modified(NotificationsConfig config) {
        this.templates = new Templates(
                overridesDir(config.templates__dir()), MessageRenderer.class.getClassLoader()::getResource);
        this.publicUrl =
                config.public__url().isBlank() ? null : config.public__url().strip();
    }

    static Path overridesDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "sitekeeper", "templates");
    }

    /** Re-reads the operator's template overrides. */
    public void reload() {
        templates.reload();
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** A message about one alert ({@code kind}: alert, recovery or repeat). */
    public Rendered render(AlertEvent alert, SiteFacts site, String kind) {
        Map<String, Object> model = MessageModel.of(alert, site, kind, publicUrl);
        TemplateSet.Rendered text = templates.forTopic(alert.topic()).render(model);
        AlertSummary summary = MessageModel.summary(alert, site, publicUrl);
        return new Rendered(
                text.subject(),
                new StoredMessage(text.text(), text.html(), List.of(summary), List.of(portable(model))));
    }

    /** The test message of a channel. */
    public Rendered renderTest(String channelName, String actor, Instant at) {
        Map<String, Object> model = new HashMap<>();
        model.put("channel_name", channelName);
        model.put("actor", actor);
        model.put("occurred_at", WHEN.format(at));
        model.put("hub_url", publicUrl);
        model.put("severity", "info");
        TemplateSet.Rendered text = templates.forTopic(Templates.TEST).render(model);
        AlertSummary summary = new AlertSummary(
                "test",
                "sitekeeper/notifications/TEST",
                "info",
                false,
                text.subject(),
                "A test message from Sitekeeper",
                publicUrl,
                null,
                null,
                at);
        return new Rendered(
                text.subject(), new StoredMessage(text.text(), text.html(), List.of(summary), List.of(model)));
    }

    /** Several messages waiting in one group, as one message. */
    @Override
    public Outbox.Merged merge(List<StoredMessage> parts, List<String> subjects) {
        List<Map<String, Object>> models = new ArrayList<>();
        List<AlertSummary> alerts = new ArrayList<>();
        for (StoredMessage part : parts) {
            models.addAll(part.models());
            alerts.addAll(part.alerts());
        }
        Map<String, Object> model = MessageModel.grouped(models, publicUrl);
        TemplateSet.Rendered text = templates.forTopic(Templates.GROUPED).render(model);
        return new Outbox.Merged(text.subject(), new StoredMessage(text.text(), text.html(), alerts, models));
    }

    /** Only values JSON keeps as they are (text, numbers, booleans), so a model reads back the same. */
    private static Map<String, Object> portable(Map<String, Object> model) {
        Map<String, Object> out = new HashMap<>();
        model.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            out.put(k, v instanceof Boolean || v instanceof Number || v instanceof String ? v : v.toString());
        });
        return out;
    }
}
