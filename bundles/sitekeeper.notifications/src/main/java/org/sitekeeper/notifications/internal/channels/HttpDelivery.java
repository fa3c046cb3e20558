package org.sitekeeper.notifications.internal.channels;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.OutboundHttp;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.core.api.egress.OutboundResponse;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.OutgoingMessage;

/** Sends one HTTP request for a channel and says what its answer means for the delivery. */
final class HttpDelivery {

    static final int MAX_RESPONSE = 16 * 1024;
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    private HttpDelivery() {}

    /** The time left for this attempt. */
    static Duration timeout(OutgoingMessage message, Clock clock) {
        Duration left = Duration.between(clock.instant(), message.deadline());
        return left.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : left;
    }

    static DeliveryResult send(OutboundHttp http, OutboundRequest request, Clock clock) {
        try {
            return classify(http.execute(request), clock);
        } catch (EgressDeniedException e) {
            return DeliveryResult.failed("refused by the egress policy: " + e.reason()
                    + " (allow the network in org.sitekeeper.egress allowed_networks if it is intended)");
        } catch (SocketTimeoutException e) {
            return DeliveryResult.retry("no answer within " + request.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return DeliveryResult.retry("connection failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted while sending");
        }
    }

    /** 2xx delivered; 408, 425, 429 and 5xx retried (after {@code Retry-After} when given); anything else failed. */
    static DeliveryResult classify(OutboundResponse response, Clock clock) {
        int status = response.status();
        String detail = "HTTP " + status + excerpt(response);
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(detail);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return DeliveryResult.retryAfter(detail, retryAfter(response, clock).orElse(null));
        }
        if (status >= 300 && status < 400) {
            return DeliveryResult.failed(detail + ": redirects are not followed, use the final URL");
        }
        return DeliveryResult.failed(detail);
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(OutboundResponse response, Clock clock) {
        Optional<String> header = response.header("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(OutboundResponse response) {
        String body = response.bodyText().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
