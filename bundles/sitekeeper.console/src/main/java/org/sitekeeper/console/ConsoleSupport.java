package org.sitekeeper.console;

import javax.servlet.http.HttpServletRequest;

import org.osgi.annotation.versioning.ProviderType;

/** What console pages share: who is looking, CSRF protection of forms, the look. */
@ProviderType
public interface ConsoleSupport {

    /** Name of the form field carrying the CSRF token. */
    String CSRF_FIELD = "csrf";

    /**
     * The logged-in user.
     *
     * @throws org.sitekeeper.core.api.error.ForbiddenException when the request was not authenticated by Sitekeeper
     */
    ConsoleUser user(HttpServletRequest request);

    /** A hidden form input with the CSRF token for this user. */
    String csrfField(HttpServletRequest request);

    /**
     * Checks a form submission: the CSRF token and, when the browser sends one, the {@code Origin}.
     *
     * @throws org.sitekeeper.core.api.error.ForbiddenException when the check fails
     */
    void checkForm(HttpServletRequest request);

    /** The {@code <style>} block every Sitekeeper page starts with. */
    String style();
}
