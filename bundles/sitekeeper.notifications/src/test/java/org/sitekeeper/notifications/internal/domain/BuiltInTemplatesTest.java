package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in templates rendered end to end: event properties, message model, template lookup. */
class BuiltInTemplatesTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final String HUB = "https://hub.example/";
    private static final SiteFacts SHOP = new SiteFacts(42, "Shop", "https://shop.example.com", "eu", List.of("woo"));

    private final Templates templates =
            new Templates(null, name -> Templates.class.getClassLoader().getResource(name));

    private static AlertEvent down(String title) {
        return AlertEvent.from(
                "sitekeeper/uptime/DOWN",
                Map.ofEntries(
                        entry("site.id", 42L),
                        entry("severity", "critical"),
                        entry("title", title),
                        entry("message", "Connection refused"),
                        entry("link", "/sites/42"),
                        entry("occurred.at", AT.toString())),
                AT);
    }

    private TemplateSet.Rendered render(AlertEvent alert, SiteFacts site, String kind) {
        return templates.forTopic(alert.topic()).render(MessageModel.of(alert, site, kind, HUB));
    }

    @Test
    void aCriticalDownIsAnnouncedWithItsIconSeveritySiteAndAbsoluteLink() {
        TemplateSet.Rendered message = render(down("shop.example.com is down"), SHOP, NotificationPolicy.ALERT);

        assertThat(message.subject()).isEqualTo("🔴 CRITICAL: shop.example.com is down");
        assertThat(message.text())
                .startsWith("shop.example.com is down\n")
                .contains("Connection refused\n")
                .contains("Severity: critical\n")
                .contains("Site:     Shop (https://shop.example.com)\n")
                .contains("Event:    sitekeeper/uptime/DOWN\n")
                .contains("When:     2026-03-01 10:15:30 UTC\n")
                .contains("Details:  https://hub.example/sites/42\n")
                .endsWith("---\nSent by Sitekeeper · https://hub.example/\n")
                .doesNotContain("Resolved", "still firing");
        assertThat(message.html())
                .contains("🔴 shop.example.com is down</h2>")
                .contains("<a href=\"https://hub.example/sites/42\">Details</a>")
                .contains("<td>Shop (<a href=\"https://shop.example.com\">https://shop.example.com</a>)</td>");
    }

    @Test
    void theDefaultTextSeparatesItsPartsWithOneBlankLine() {
        assertThat(render(down("shop.example.com is down"), SHOP, NotificationPolicy.ALERT)
                        .text())
                .isEqualTo(
                        """
                        shop.example.com is down

                        Connection refused

                        Severity: critical
                        Site:     Shop (https://shop.example.com)
                        Event:    sitekeeper/uptime/DOWN
                        When:     2026-03-01 10:15:30 UTC
                        Details:  https://hub.example/sites/42

                        ---
                        Sent by Sitekeeper · https://hub.example/
                        """);
        assertThat(render(down("shop.example.com is down"), null, NotificationPolicy.REPEAT)
                        .text())
                .startsWith(
                        """
                        shop.example.com is down
                        This alert is still firing; this is a reminder.

                        Connection refused

                        Severity: critical
                        Event:""");
        AlertEvent bare = AlertEvent.from("sitekeeper/backup/FAILED", Map.of("title", "Backup failed"), AT);
        assertThat(templates
                        .forTopic(bare.topic())
                        .render(MessageModel.of(bare, null, NotificationPolicy.ALERT, null))
                        .text())
                .isEqualTo(
                        """
                        Backup failed

                        Severity: warning
                        Event:    sitekeeper/backup/FAILED
                        When:     2026-03-01 10:15:30 UTC

                        ---
                        Sent by Sitekeeper
                        """);
    }

    @Test
    void withoutSiteFactsOrLinkThoseLinesAreLeftOut() {
        AlertEvent alert = AlertEvent.from("sitekeeper/backup/FAILED", Map.of("title", "Backup failed"), AT);

        TemplateSet.Rendered message =
                templates.forTopic(alert.topic()).render(MessageModel.of(alert, null, NotificationPolicy.ALERT, null));

        assertThat(message.subject()).isEqualTo("⚠ WARNING: Backup failed");
        assertThat(message.text()).doesNotContain("Site:", "Details:").endsWith("---\nSent by Sitekeeper\n");
    }

    @Test
    void aRecoveryIsAnnouncedAsResolved() {
        AlertEvent up = AlertEvent.from(
                "sitekeeper/uptime/UP", Map.of("site.id", 42L, "title", "shop.example.com is up again"), AT);

        TemplateSet.Rendered message = render(up, SHOP, NotificationPolicy.RECOVERY);

        assertThat(message.subject()).isEqualTo("✅ Resolved: shop.example.com is up again");
        assertThat(message.text()).startsWith("Resolved: shop.example.com is up again\n");
        assertThat(message.html()).contains("✅ Resolved: shop.example.com is up again</h2>");
    }

    @Test
    void aRepeatSaysTheAlertIsStillFiring() {
        TemplateSet.Rendered message = render(down("shop.example.com is down"), SHOP, NotificationPolicy.REPEAT);

        assertThat(message.subject()).isEqualTo("🔴 CRITICAL: shop.example.com is down (still firing)");
        assertThat(message.text()).contains("This alert is still firing; this is a reminder.");
        assertThat(message.html()).contains("This alert is still firing; this is a reminder.");
    }

    @Test
    void theGroupedTemplateListsEveryAlertWithTheCounts() {
        AlertEvent resolved =
                AlertEvent.from("sitekeeper/ssl/RESOLVED", Map.of("site.id", 42L, "title", "Certificate renewed"), AT);
        AlertEvent warning = AlertEvent.from(
                "sitekeeper/backup/FAILED", Map.of("severity", "warning", "title", "Backup failed"), AT);
        List<Map<String, Object>> alerts = List.of(
                MessageModel.of(down("shop.example.com is down"), SHOP, NotificationPolicy.ALERT, HUB),
                MessageModel.of(warning, null, NotificationPolicy.ALERT, HUB),
                MessageModel.of(resolved, SHOP, NotificationPolicy.RECOVERY, HUB));

        TemplateSet.Rendered message = templates.forTopic(Templates.GROUPED).render(MessageModel.grouped(alerts, HUB));

        assertThat(message.subject()).isEqualTo("🔴 3 alerts: shop.example.com is down and 2 more");
        assertThat(message.text())
                .startsWith("3 alerts (2 firing, 1 resolved):\n")
                .contains("- [CRITICAL] shop.example.com is down — Shop (2026-03-01 10:15:30 UTC)\n")
                .contains("  Connection refused\n  https://hub.example/sites/42\n")
                .contains("- [WARNING] Backup failed (2026-03-01 10:15:30 UTC)\n")
                .contains("- [RESOLVED] Certificate renewed — Shop (2026-03-01 10:15:30 UTC)\n")
                .endsWith("---\nSent by Sitekeeper · https://hub.example/\n");
        assertThat(message.html())
                .contains("3 alerts (2 firing, 1 resolved)")
                .contains("<b>shop.example.com is down</b>")
                .contains("<b>Backup failed</b>")
                .contains("<b>Certificate renewed</b>");
    }

    @Test
    void aGroupOfOneHasNoMore() {
        TemplateSet.Rendered message = templates
                .forTopic(Templates.GROUPED)
                .render(MessageModel.grouped(
                        List.of(MessageModel.of(down("only"), SHOP, NotificationPolicy.ALERT, HUB)), HUB));

        assertThat(message.subject()).isEqualTo("🔴 1 alerts: only");
    }

    private static Map<String, Object> orderAlert() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("severity", "warning");
        properties.put("orders.period_start", "2026-03-01 14:00");
        properties.put("orders.period_end", "2026-03-01 14:15");
        properties.put("orders.expected", 10);
        properties.put("orders.actual", 2);
        properties.put("orders.threshold_type", "PEAK");
        properties.put("orders.admin_url", "https://shop.example/wp-admin/edit.php?post_type=shop_order");
        return properties;
    }

    @Test
    void theOrderAlertOfSeed003ReadsLikeTheSpecifiedEmail() {
        AlertEvent alert = AlertEvent.from("sitekeeper/orders/ALERT", orderAlert(), AT);

        TemplateSet.Rendered message = render(alert, null, NotificationPolicy.ALERT);

        assertThat(message.subject()).isEqualTo("⚠ WooCommerce Order Alert - Orders Below Threshold");
        assertThat(message.text())
                .isEqualTo(
                        """
                        Alert: Order volume has fallen below the configured threshold.

                        Details:
                        - Time Period: 2026-03-01 14:00 to 2026-03-01 14:15
                        - Expected Orders: 10 or more
                        - Actual Orders: 2
                        - Threshold Type: PEAK

                        This could indicate:
                        • Website downtime or errors
                        • Payment gateway issues
                        • Potential DDoS attack
                        • Cart/checkout problems

                        Action Required:
                        Please check your WooCommerce store immediately.

                        View Orders: https://shop.example/wp-admin/edit.php?post_type=shop_order

                        ---
                        This is an automated alert from WooCommerce Order Monitor
                        """);
        assertThat(message.html())
                .contains("<li>Expected Orders: 10 or more</li>")
                .contains("<li>Actual Orders: 2</li>")
                .contains("<a href=\"https://shop.example/wp-admin/edit.php?post_type=shop_order\">View Orders</a>")
                .contains("This is an automated alert from WooCommerce Order Monitor");
    }

    @Test
    void theOrderAlertNamesTheStoreWhenTheSiteIsKnown() {
        Map<String, Object> properties = orderAlert();
        properties.put("site.id", 42L);
        AlertEvent alert = AlertEvent.from("sitekeeper/orders/ALERT", properties, AT);

        TemplateSet.Rendered message = render(alert, SHOP, NotificationPolicy.ALERT);

        assertThat(message.subject()).isEqualTo("⚠ WooCommerce Order Alert - Orders Below Threshold (Shop)");
        assertThat(message.text())
                .contains("- Threshold Type: PEAK\n- Store: Shop (https://shop.example.com)\n\nThis could indicate:");
    }

    @Test
    void theOrderAlertEscapesTheAdminUrlInHtmlOnly() {
        Map<String, Object> properties = orderAlert();
        properties.put(
                "orders.admin_url",
                "https://shop.example/wp-admin/edit.php?post_type=shop_order&post_status=wc-failed");
        AlertEvent alert = AlertEvent.from("sitekeeper/orders/ALERT", properties, AT);

        TemplateSet.Rendered message = render(alert, null, NotificationPolicy.ALERT);

        assertThat(message.text()).contains("post_type=shop_order&post_status=wc-failed");
        assertThat(message.html()).contains("post_type=shop_order&amp;post_status=wc-failed");
    }

    @Test
    void theUpgradeNoticeOfSeed002ReadsLikeTheSpecifiedEmail() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("merchant.name", "My Shop");
        properties.put("plugin.name", "Molam Form");
        properties.put("plugin.cms_name", "WooCommerce");
        properties.put("plugin.current_version", "1.2.0");
        properties.put("plugin.latest_version", "1.3.5");
        properties.put(
                "plugin.release_notes", "- Critical bug fixes\n- Improved 3DS2 flow\n- Performance optimizations");
        properties.put("plugin.priority", "HIGH");
        properties.put("plugin.upgrade_url", "https://dashboard.molam.com/plugins/upgrade/7f3c");
        properties.put("sender.name", "Molam Team");
        AlertEvent notice = AlertEvent.from("sitekeeper/telemetry/UPGRADE", properties, AT);

        TemplateSet.Rendered message = render(notice, null, "direct");

        assertThat(message.subject()).isEqualTo("Molam Form Update Available (v1.3.5)");
        assertThat(message.text())
                .isEqualTo(
                        """
                        Hi My Shop,

                        A new version of the Molam Form plugin for WooCommerce is available.

                        Current Version: 1.2.0
                        Latest Version: 1.3.5

                        What's New:
                        - Critical bug fixes
                        - Improved 3DS2 flow
                        - Performance optimizations

                        Upgrade Priority: HIGH

                        [Upgrade Now] → https://dashboard.molam.com/plugins/upgrade/7f3c

                        Best regards,
                        Molam Team
                        """);
        assertThat(message.html())
                .contains("<p>Hi My Shop,</p>")
                .contains("Latest Version: <b>1.3.5</b>")
                .contains("<a href=\"https://dashboard.molam.com/plugins/upgrade/7f3c\"")
                .contains("Best regards,<br>Molam Team");
    }

    @Test
    void theHtmlTemplatesEscapeATitleWithAScript() {
        TemplateSet.Rendered message = render(down("<script>alert('x')</script>"), SHOP, NotificationPolicy.ALERT);

        assertThat(message.html())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(message.subject()).isEqualTo("🔴 CRITICAL: <script>alert('x')</script>");
    }

    @Test
    void theGroupedHtmlEscapesTitlesToo() {
        TemplateSet.Rendered message = templates
                .forTopic(Templates.GROUPED)
                .render(MessageModel.grouped(
                        List.of(MessageModel.of(down("<img src=x onerror=alert(1)>"), SHOP, "alert", HUB)), HUB));

        assertThat(message.html())
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void theTestMessageNamesTheChannelAndWhoSentIt() {
        TemplateSet.Rendered message = templates
                .forTopic(Templates.TEST)
                .render(Map.of(
                        "channel_name", "Ops <Slack>", "actor", "alice", "occurred_at", "2026-03-01 10:15:30 UTC"));

        assertThat(message.subject()).isEqualTo("Sitekeeper test message for Ops <Slack>");
        assertThat(message.text())
                .startsWith(
                        "This is a test message from Sitekeeper, sent through the channel \"Ops <Slack>\" by alice at 2026-03-01 10:15:30 UTC.");
        assertThat(message.html()).contains("<b>Ops &lt;Slack&gt;</b>");
    }
}
