package org.sitekeeper.itests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.Chromium;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.Notifications;
import org.sitekeeper.itests.support.Ports;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Receiver;
import org.sitekeeper.itests.support.ShellResult;
import org.sitekeeper.itests.support.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * Notifications end to end on the real distribution: alerts raised through REST (as any bundle's event would be)
 * reach a real SMTP server in this JVM and real HTTP receivers standing in for webhooks, Slack and an SMS gateway;
 * the faults the outbox must survive are staged for real (SMTP down then back, a receiver answering 429).
 */
@Order(6)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class NotificationsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private static Hub hub;
    private static Api admin;
    private static Receiver receiver;

    @BeforeAll
    static void useSharedHubAndAReceiver(Hub shared) {
        hub = shared;
        admin = hub.admin();
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAlertReachesTheWebhookSignedAndItsRecoveryFollows() {
        String u = Sites.unique();
        String secret = Notifications.webhookSecret();
        String path = "/webhook/" + u;
        JsonNode channel = Notifications.channel(
                admin, "webhook", "hook " + u, Map.of("url", receiver.url(path), "secret", secret));
        Notifications.rule(
                admin,
                "sitekeeper/external/WH" + u.toUpperCase(),
                channel.path("id").asLong(),
                List.of(),
                Map.of());

        Notifications.raise(admin, "WH" + u.toUpperCase(), "wh:" + u, "critical", "Shop " + u + " is down");

        await().atMost(DELIVERY).until(() -> receiver.requests(path).size() == 1);
        Receiver.Request request = receiver.requests(path).get(0);
        assertThat(Notifications.signatureValid(request, secret))
                .as("signature of %s", request)
                .isTrue();
        assertThat(Notifications.signatureValid(request, Notifications.webhookSecret()))
                .isFalse();
        JsonNode payload = request.json();
        assertThat(payload.path("type").asText()).isEqualTo("alert.firing");
        JsonNode alert = payload.path("data").path("alerts").get(0);
        assertThat(alert.path("alert_key").asText()).isEqualTo("wh:" + u);
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("title").asText()).isEqualTo("Shop " + u + " is down");
        JsonNode logged = Notifications.awaitDelivery(admin, "wh:" + u, "delivered", DELIVERY);
        assertThat(request.header("webhook-id"))
                .endsWith("_" + logged.path("id").asLong());
        // the channel shows how its last delivery went, and never its secret
        JsonNode shown = assertStatus(
                admin.get(Notifications.CHANNELS + "/" + channel.path("id").asLong()), 200);
        assertThat(shown.path("last_delivery_status").asText()).isEqualTo("delivered");
        assertThat(shown.path("secrets_set").toString()).contains("secret");
        assertThat(shown.toString()).doesNotContain(secret.substring(6));

        Notifications.raise(admin, "RESOLVED", "wh:" + u, "info", "Shop " + u + " is up again");

        await().atMost(DELIVERY).until(() -> receiver.requests(path).size() == 2);
        Receiver.Request recovery = receiver.requests(path).get(1);
        assertThat(Notifications.signatureValid(recovery, secret)).isTrue();
        assertThat(recovery.json().path("type").asText()).isEqualTo("alert.resolved");
        assertThat(recovery.json()
                        .path("data")
                        .path("alerts")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("resolved");
    }

    @Test
    void theSameAlertKeyTwiceInsideTheCooldownIsSentOnce() throws InterruptedException {
        String u = Sites.unique();
        String path = "/dedupe/" + u;
        JsonNode channel = Notifications.channel(
                admin,
                "webhook",
                "dedupe " + u,
                Map.of("url", receiver.url(path), "secret", Notifications.webhookSecret()));
        String event = "DD" + u.toUpperCase();
        Notifications.rule(
                admin,
                "sitekeeper/external/" + event,
                channel.path("id").asLong(),
                List.of(),
                Map.of("cooldown_minutes", 10));

        Notifications.raise(admin, event, "dd:" + u, "warning", "Disk almost full");
        await().atMost(DELIVERY).until(() -> receiver.requests(path).size() == 1);
        Notifications.raise(admin, event, "dd:" + u, "warning", "Disk almost full");
        Notifications.raise(admin, event, "dd:" + u, "warning", "Disk almost full");
        // a different key in the same rule goes out: the cooldown is per alert
        Notifications.raise(admin, event, "dd2:" + u, "warning", "Another disk almost full");

        await().atMost(DELIVERY).until(() -> receiver.requests(path).size() == 2);
        Thread.sleep(2_000); // time enough for a wrong second message to arrive
        assertThat(receiver.requests(path)).hasSize(2);
        assertThat(Notifications.deliveries(admin, "dd:" + u)).hasSize(1);
    }

    @Test
    void aSilenceSuppressesSendingButKeepsTheRecord() throws InterruptedException {
        String u = Sites.unique();
        String path = "/silenced/" + u;
        JsonNode channel = Notifications.channel(
                admin,
                "webhook",
                "silenced " + u,
                Map.of("url", receiver.url(path), "secret", Notifications.webhookSecret()));
        String topic = "sitekeeper/external/SL" + u.toUpperCase();
        Notifications.rule(admin, topic, channel.path("id").asLong(), List.of(), Map.of());
        JsonNode silence = assertStatus(
                admin.post(
                        Notifications.SILENCES,
                        Map.of("topics", List.of(topic), "duration_minutes", 30, "reason", "planned work " + u)),
                201);
        assertThat(silence.path("active_now").asBoolean()).isTrue();

        Notifications.raise(admin, "SL" + u.toUpperCase(), "sl:" + u, "critical", "Silenced outage");

        JsonNode suppressed = Notifications.awaitDelivery(admin, "sl:" + u, "suppressed", DELIVERY);
        assertThat(suppressed.path("suppressed_by").asLong())
                .isEqualTo(silence.path("id").asLong());
        Thread.sleep(1_000);
        assertThat(receiver.requests(path)).isEmpty();

        JsonNode ended = assertStatus(
                admin.delete(Notifications.SILENCES + "/" + silence.path("id").asLong()), 200);
        assertThat(ended.path("active_now").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            // the routing cache reloads within seconds; keep raising until the end of the silence applies
            Notifications.raise(admin, "SL" + u.toUpperCase(), "sl-after:" + u, "critical", "After the silence");
            assertThat(Notifications.deliveries(admin, "sl-after:" + u))
                    .anySatisfy(d -> assertThat(d.path("status").asText()).isIn("pending", "delivered"));
        });
        await().atMost(DELIVERY).until(() -> receiver.requests(path).size() == 1);
    }

    @Test
    void aWebhookAnswering429WithRetryAfterIsRetriedAfterIt() {
        String u = Sites.unique();
        String path = "/busy/" + u;
        AtomicInteger calls = new AtomicInteger();
        try (Receiver busy = Receiver.start()
                .answer(r -> calls.incrementAndGet() == 1
                        ? new Receiver.Answer(429, Map.of("Retry-After", "3"), "slow down")
                        : Receiver.Answer.ok())) {
            JsonNode channel = Notifications.channel(
                    admin,
                    "webhook",
                    "busy " + u,
                    Map.of("url", busy.url(path), "secret", Notifications.webhookSecret()));
            Notifications.rule(
                    admin,
                    "sitekeeper/external/BZ" + u.toUpperCase(),
                    channel.path("id").asLong(),
                    List.of(),
                    Map.of());

            Notifications.raise(admin, "BZ" + u.toUpperCase(), "bz:" + u, "warning", "Busy receiver");

            JsonNode delivered = Notifications.awaitDelivery(admin, "bz:" + u, "delivered", DELIVERY);
            List<Receiver.Request> requests = busy.requests(path);
            assertThat(requests).hasSize(2);
            assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                    .as("the retry waits for Retry-After: 3")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
            assertThat(requests.get(1).header("webhook-id"))
                    .isEqualTo(requests.get(0).header("webhook-id"));
            JsonNode detail = assertStatus(
                    admin.get(Notifications.PATH + "/" + delivered.path("id").asLong()), 200);
            assertThat(detail.path("attempts").asInt()).isEqualTo(2);
            assertThat(detail.path("attempt_log").get(0).path("outcome").asText())
                    .isEqualTo("retry");
            assertThat(detail.path("attempt_log").get(0).path("detail").asText())
                    .contains("429");
            assertThat(detail.path("attempt_log").get(1).path("outcome").asText())
                    .isEqualTo("delivered");
        }
    }

    @Test
    void invalidChannelConfigurationIsRefusedWithA400NamingTheField() {
        String u = Sites.unique();
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of(
                                "type",
                                "webhook",
                                "name",
                                "bad " + u,
                                "config",
                                Map.of("secret", Notifications.webhookSecret()))),
                400,
                "missing_field",
                "config.url");
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of(
                                "type",
                                "webhook",
                                "name",
                                "bad " + u,
                                "config",
                                Map.of("url", receiver.url("/x"), "secret", "hunter2"))),
                400,
                "invalid_value",
                "config.secret");
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of(
                                "type",
                                "webhook",
                                "name",
                                "bad " + u,
                                "config",
                                Map.of("url", "http://127.0.0.1:9/", "secret", Notifications.webhookSecret()))),
                400,
                "invalid_value",
                "config.url");
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of(
                                "type",
                                "webhook",
                                "name",
                                "bad " + u,
                                "config",
                                Map.of(
                                        "url",
                                        receiver.url("/x"),
                                        "secret",
                                        Notifications.webhookSecret(),
                                        "colour",
                                        "red"))),
                400,
                "invalid_value",
                "config.colour");
        assertError(
                admin.post(Notifications.CHANNELS, Map.of("type", "pager", "name", "bad " + u, "config", Map.of())),
                400,
                "invalid_value",
                "type");
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of("type", "email", "name", "bad " + u, "config", Map.of("from", "hub@example.org"))),
                400,
                "missing_field",
                "config.host");
        assertError(
                admin.post(
                        Notifications.CHANNELS,
                        Map.of(
                                "type",
                                "sms",
                                "name",
                                "bad " + u,
                                "config",
                                Map.of("url", receiver.url("/sms"), "daily_cap", "lots"))),
                400,
                "invalid_value",
                "config.daily_cap");
        assertError(
                admin.post(
                        Notifications.RULES,
                        Map.of("name", "bad " + u, "targets", List.of(Map.of("channel_id", 999_999)))),
                400,
                "invalid_value",
                "targets[0].channel_id");
        // nothing of it was stored
        assertThat(assertStatus(admin.get(Notifications.CHANNELS), 200).toString())
                .doesNotContain("bad " + u);
    }

    @Test
    void emailReachesARealSmtpServerFromAnAlertAndFromNotifyTest() throws Exception {
        String u = Sites.unique();
        GreenMail smtp = new GreenMail(
                new ServerSetup(Ports.free(1)[0], Notifications.RECEIVER_HOST, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JsonNode channel = emailChannel("mail " + u, smtp.getSmtp().getPort());
            Notifications.rule(
                    admin,
                    "sitekeeper/external/EM" + u.toUpperCase(),
                    channel.path("id").asLong(),
                    List.of("ops-" + u + "@example.org"),
                    Map.of());

            Notifications.raise(admin, "EM" + u.toUpperCase(), "em:" + u, "critical", "Checkout broken on shop " + u);

            assertThat(smtp.waitForIncomingEmail(DELIVERY.toMillis(), 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).contains("Checkout broken on shop " + u);
            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo("ops-" + u + "@example.org");
            assertThat(mail.getFrom()[0].toString()).contains("hub@example.org");
            assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Raised by the integration tests");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            Notifications.awaitDelivery(admin, "em:" + u, "delivered", DELIVERY);

            ShellResult test = hub.sshAdmin("notify:test 'mail " + u + "' test-" + u + "@example.org");
            assertThat(test.exitStatus()).as("%s", test).isZero();
            assertThat(test.output()).contains("delivered");
            assertThat(smtp.waitForIncomingEmail(DELIVERY.toMillis(), 2)).isTrue();
            assertThat(smtp.getReceivedMessages()[1].getSubject()).contains("test message");
            assertThat(smtp.getReceivedMessages()[1].getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo("test-" + u + "@example.org");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anSmtpServerDownForAWhileThenBackGetsEveryAlertAtMostOnceMore() throws Exception {
        String u = Sites.unique();
        int port = Ports.free(1)[0];
        JsonNode channel = emailChannel("outage " + u, port);
        String event = "OU" + u.toUpperCase();
        Notifications.rule(
                admin,
                "sitekeeper/external/" + event,
                channel.path("id").asLong(),
                List.of("ops@example.org"),
                Map.of());
        List<String> keys = List.of("ou1:" + u, "ou2:" + u, "ou3:" + u, "ou4:" + u, "ou5:" + u);

        for (String key : keys) {
            Notifications.raise(admin, event, key, "critical", "Outage alert " + key);
        }
        // every alert has been tried against the dead server and waits for its retry
        await().atMost(DELIVERY).untilAsserted(() -> {
            for (String key : keys) {
                JsonNode d = Notifications.deliveries(admin, key).get(0);
                assertThat(d.path("status").asText()).isEqualTo("pending");
                assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            }
        });
        JsonNode retrying = assertStatus(
                admin.get(Notifications.CHANNELS + "/" + channel.path("id").asLong()), 200);
        assertThat(retrying.path("last_delivery_status").asText()).isEqualTo("retrying");

        GreenMail smtp = new GreenMail(new ServerSetup(port, Notifications.RECEIVER_HOST, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            for (String key : keys) {
                Notifications.awaitDelivery(admin, key, "delivered", DELIVERY);
            }
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received.length).isBetween(keys.size(), keys.size() + 1);
            for (String key : keys) {
                long copies = Arrays.stream(received)
                        .filter(m -> subject(m).contains(key))
                        .count();
                assertThat(copies).as("copies of %s", key).isBetween(1L, 2L);
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void slackAndAnSmsGatewayGetTheirOwnFormatsAndSecretsStayHidden() {
        String u = Sites.unique();
        JsonNode slack =
                Notifications.channel(admin, "slack", "slack " + u, Map.of("url", receiver.url("/slack/" + u)));
        JsonNode sms = Notifications.channel(
                admin,
                "sms",
                "sms " + u,
                Map.of(
                        "url",
                        receiver.url("/sms/" + u),
                        "username",
                        "AC" + u,
                        "password",
                        "sms-secret-" + u,
                        "daily_cap",
                        5));
        String event = "SS" + u.toUpperCase();
        assertStatus(
                admin.post(
                        Notifications.RULES,
                        Map.of(
                                "name",
                                "slack and sms " + u,
                                "topics",
                                List.of("sitekeeper/external/" + event),
                                "min_severity",
                                "critical",
                                "group_wait_seconds",
                                0,
                                "targets",
                                List.of(
                                        Map.of("channel_id", slack.path("id").asLong()),
                                        Map.of(
                                                "channel_id",
                                                sms.path("id").asLong(),
                                                "recipients",
                                                List.of("+49 151 1234 5678"))))),
                201);

        Notifications.raise(admin, event, "ss:" + u, "critical", "Payments failing");

        await().atMost(DELIVERY)
                .until(() -> !receiver.requests("/slack/" + u).isEmpty()
                        && !receiver.requests("/sms/" + u).isEmpty());
        JsonNode attachment = receiver.requests("/slack/" + u)
                .get(0)
                .json()
                .path("attachments")
                .get(0);
        assertThat(attachment.path("color").asText()).isEqualTo("#e01e5a");
        assertThat(attachment.path("title").asText()).isEqualTo("Payments failing");
        Receiver.Request text = receiver.requests("/sms/" + u).get(0);
        assertThat(text.header("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("AC" + u + ":sms-secret-" + u).getBytes(StandardCharsets.UTF_8)));
        assertThat(text.json().path("to").asText()).isEqualTo("+4915112345678");
        assertThat(text.json().path("text").asText()).contains("Payments failing");

        String listed = assertStatus(admin.get(Notifications.CHANNELS), 200).toString();
        assertThat(listed).doesNotContain("sms-secret-" + u).doesNotContain("/slack/" + u);
        JsonNode shownSlack = assertStatus(
                admin.get(Notifications.CHANNELS + "/" + slack.path("id").asLong()), 200);
        assertThat(shownSlack.path("secrets_set").toString()).contains("url");
    }

    @Test
    void theInAppInboxListsNotificationsThatStaffAcknowledge() {
        String u = Sites.unique();
        JsonNode inApp = Notifications.channel(admin, "in_app", "inbox " + u, Map.of());
        String event = "IA" + u.toUpperCase();
        Notifications.rule(
                admin, "sitekeeper/external/" + event, inApp.path("id").asLong(), List.of(), Map.of());

        Notifications.raise(admin, event, "ia:" + u, "warning", "Inbox item " + u);

        JsonNode[] item = new JsonNode[1];
        await().atMost(DELIVERY).until(() -> {
            for (JsonNode i : assertStatus(admin.get(Notifications.PATH + "/inbox?unacknowledged=true"), 200)
                    .path("items")) {
                if (i.path("title").asText().contains("Inbox item " + u)) {
                    item[0] = i;
                    return true;
                }
            }
            return false;
        });
        JsonNode acknowledged = assertStatus(
                admin.post(Notifications.PATH + "/inbox/" + item[0].path("id").asLong() + "/ack", Map.of()), 200);
        assertThat(acknowledged.path("acknowledged_by").asText()).isEqualTo(Hub.ADMIN);
        assertThat(assertStatus(admin.get(Notifications.PATH + "/inbox?unacknowledged=true"), 200)
                        .toString())
                .doesNotContain("Inbox item " + u);
    }

    @Test
    void theShellListsChannelsAndTheLogAndTheConsoleShowsTheLog() {
        String u = Sites.unique();
        String path = "/shown/" + u;
        JsonNode channel = Notifications.channel(
                admin,
                "webhook",
                "shown " + u,
                Map.of("url", receiver.url(path), "secret", Notifications.webhookSecret()));
        Notifications.rule(
                admin,
                "sitekeeper/external/SH" + u.toUpperCase(),
                channel.path("id").asLong(),
                List.of(),
                Map.of());
        Notifications.raise(admin, "SH" + u.toUpperCase(), "sh:" + u, "warning", "Visible alert " + u);
        JsonNode delivered = Notifications.awaitDelivery(admin, "sh:" + u, "delivered", DELIVERY);

        ShellResult channels = hub.sshAdmin("notify:channels");
        assertThat(channels.output()).contains("shown " + u).contains("delivered");
        ShellResult log = hub.sshAdmin("notify:log --key sh:" + u);
        assertThat(log.output()).contains("Visible alert " + u).contains("delivered");
        ShellResult show = hub.sshAdmin("notify:show " + delivered.path("id").asLong());
        assertThat(show.output()).contains("Visible alert " + u).contains("HTTP 200");

        Chromium.requireInstalled();
        String dom = Chromium.dumpDom(hub, Hub.ADMIN, Hub.ADMIN_PASSWORD, "/system/console/notifications?view=log");
        assertThat(dom)
                .contains("Visible alert " + u)
                .contains("data-delivery-id=\"" + delivered.path("id").asLong() + "\"");
        String channelsPage = Chromium.dumpDom(hub, Hub.ADMIN, Hub.ADMIN_PASSWORD, "/system/console/notifications");
        assertThat(channelsPage).contains("shown " + u);
        Chromium.screenshot(
                hub, Hub.ADMIN, Hub.ADMIN_PASSWORD, "/system/console/notifications?view=log", "notifications-log.png");
    }

    private static JsonNode emailChannel(String name, int port) {
        return Notifications.channel(
                admin,
                "email",
                name,
                Map.of(
                        "host",
                        Notifications.RECEIVER_HOST,
                        "port",
                        port,
                        "security",
                        "none",
                        "from",
                        "Sitekeeper <hub@example.org>"));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
