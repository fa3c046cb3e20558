package org.sitekeeper.core.internal.shell;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.error.InvalidInputException;

/** Reads a new password at the shell without echoing it, twice. */
final class PasswordInput {

    private PasswordInput() {}

    static String prompt(Session session) throws IOException {
        String first = session.readLine("New password: ", '*');
        String second = session.readLine("Again: ", '*');
        if (first == null || !first.equals(second)) {
            throw new InvalidInputException("password", "the two passwords differ");
        }
        return first;
    }
}
