package org.sitekeeper.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Throttles failed log-ins per account-and-client and per client, for every face. */
@Component(service = LoginGuard.class, configurationPid = SecurityConfig.PID)
public final class LoginGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
    private static final int MAX_KEYS = 20_000;

    private final LoginThrottle accounts;
    private final LoginThrottle clients;

    @Activate
    public LoginGuard(@Reference Clock clock, SecurityConfig config) {
        Duration max = Duration.ofSeconds(config.max__lockout__seconds());
        Duration forget = max.multipliedBy(2).plusMinutes(15);
        this.accounts = new LoginThrottle(clock, config.free__failures__per__account(), max, forget, MAX_KEYS);
        this.clients = new LoginThrottle(clock, config.free__failures__per__client(), max, forget, MAX_KEYS);
    }

    /** How long this attempt must wait, or empty when it may go ahead. */
    public Optional<Duration> blockedFor(String username, String client) {
        Optional<Duration> account =
                username == null ? Optional.empty() : accounts.blockedFor(accountKey(username, client));
        Optional<Duration> source = client == null ? Optional.empty() : clients.blockedFor(client);
        if (account.isPresent() && source.isPresent()) {
            return Optional.of(account.get().compareTo(source.get()) >= 0 ? account.get() : source.get());
        }
        return account.isPresent() ? account : source;
    }

    public void failed(String username, String client) {
        String from = client == null ? "an unknown client" : client;
        if (username == null) {
            LOG.info("Failed API token from {}", from);
        } else {
            LOG.info("Failed log-in for '{}' from {}", printable(username), from);
        }
        if (username != null) {
            accounts.failure(accountKey(username, client));
        }
        if (client != null) {
            clients.failure(client);
        }
    }

    public void succeeded(String username, String client) {
        if (username != null) {
            accounts.success(accountKey(username, client));
        }
    }

    private static String accountKey(String username, String client) {
        return username.toLowerCase(Locale.ROOT) + "|" + (client == null ? "-" : client);
    }

    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cut = username.length() > 64 ? username.substring(0, 64) : username;
        return cut.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?");
    }
}
