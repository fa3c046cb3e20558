package org.sitekeeper.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.sitekeeper.security}, shared by the security components. */
@ObjectClassDefinition(
        name = "Sitekeeper security",
        description = "Staff log-in for REST, console and shell: password hashing, login throttling, the JAAS realm.")
public @interface SecurityConfig {

    String PID = "org.sitekeeper.security";

    @AttributeDefinition(name = "JAAS realm", description = "Realm used for REST, console and shell log-in.")
    String realm() default "karaf";

    @AttributeDefinition(
            name = "Password hash iterations",
            description = "PBKDF2-HMAC-SHA256 iterations for new passwords; older hashes are upgraded at log-in.")
    int password__iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(
            name = "Log-in cache (seconds)",
            description = "How long a verified user name and password are remembered in memory (as a keyed hash), "
                    + "so HTTP Basic clients do not pay the slow hash on every request. 0 disables.")
    int login__cache__seconds() default 30;

    @AttributeDefinition(
            name = "Free failures per account",
            description = "Failed log-ins for one account from one client before each further try must wait.")
    int free__failures__per__account() default 5;

    @AttributeDefinition(
            name = "Free failures per client",
            description = "Failed log-ins from one client address (any account) before each further try must wait.")
    int free__failures__per__client() default 20;

    @AttributeDefinition(name = "Longest wait (seconds)", description = "The wait doubles per failure up to this.")
    int max__lockout__seconds() default 900;

    @AttributeDefinition(
            name = "Minimum password length",
            description = "Shortest password accepted for new passwords, including SITEKEEPER_ADMIN_PASSWORD.")
    int min__password__length() default 12;
}
