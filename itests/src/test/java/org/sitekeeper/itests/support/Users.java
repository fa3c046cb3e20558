package org.sitekeeper.itests.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff accounts for the tests, created over REST by an admin. */
public final class Users {

    /** The password of every account the tests create (URL-safe, long enough for the hub's policy). */
    public static final String PASSWORD = "it-user-Passw0rd-7c1e";

    private Users() {}

    /** Creates an account with a unique name starting with {@code prefix} and the given role; returns its name. */
    public static String create(Api admin, String prefix, String role) {
        String username = prefix + Sites.unique();
        ApiResponse created =
                admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "role", role));
        assertThat(created.status()).as("creating %s user: %s", role, created).isEqualTo(201);
        return username;
    }
}
