package org.sitekeeper.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.SitekeeperException;

/**
 * Base of a Sitekeeper web console page, registered as a {@code Servlet} service with
 * {@code felix.webconsole.label}, {@code felix.webconsole.title} and {@code felix.webconsole.category=Sitekeeper}.
 * GET renders inside the console frame; POST is a form action for ops and admins, checked against CSRF, that
 * ends in a redirect (post/redirect/get). A refused action comes back as {@code error} and {@code field}
 * parameters with the submitted form values, so the page can show the problem next to the field.
 */
public abstract class ConsolePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The console category of all Sitekeeper pages. */
    public static final String CATEGORY = "Sitekeeper";

    protected final transient ConsoleSupport support;

    protected ConsolePage(ConsoleSupport support) {
        this.support = support;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        PrintWriter out = response.getWriter();
        ConsoleUser user = support.user(request);
        out.println(support.style());
        out.println("<div class=\"sk\">");
        notices(request, out);
        render(request, user, out);
        out.println("</div>");
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getRequestURI();
        try {
            ConsoleUser user = support.user(request);
            if (!user.canOperate()) {
                throw new ForbiddenException(
                        "this needs the ops role; you have " + user.role().wireName());
            }
            support.checkForm(request);
            response.sendRedirect(page + act(request, user));
        } catch (SitekeeperException e) {
            Map<String, Object> back = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!ConsoleSupport.CSRF_FIELD.equals(name) && values.length > 0) {
                    back.put(name, values[0]);
                }
            });
            back.put("error", e.getMessage());
            back.put("field", e.field());
            response.sendRedirect(Html.link(page, back));
        }
    }

    /** Writes the page body. */
    protected abstract void render(HttpServletRequest request, ConsoleUser user, PrintWriter out);

    /**
     * Performs a form action and returns the query (starting with {@code ?}) to redirect to, e.g. with a
     * {@code msg}. Throws a {@link SitekeeperException} to refuse.
     */
    protected String act(HttpServletRequest request, ConsoleUser user) {
        throw new ForbiddenException("this page has no actions");
    }

    /** {@code ?msg=<text>} plus further parameters. */
    protected static String done(String message, Map<String, ?> more) {
        Map<String, Object> parameters = new LinkedHashMap<>(more);
        parameters.put("msg", message);
        return Html.link("", parameters);
    }

    protected static String done(String message) {
        return done(message, Collections.emptyMap());
    }

    /** The problem with {@code field} from a refused action, as a small error line, or empty. */
    protected static String fieldError(HttpServletRequest request, String field) {
        if (field.equals(request.getParameter("field")) && request.getParameter("error") != null) {
            return "<div class=\"sk-field-error\">" + Html.esc(request.getParameter("error")) + "</div>";
        }
        return "";
    }

    private static void notices(HttpServletRequest request, PrintWriter out) {
        String message = request.getParameter("msg");
        if (message != null) {
            out.println("<div class=\"sk-notice sk-ok\" role=\"status\">" + Html.esc(message) + "</div>");
        }
        String error = request.getParameter("error");
        if (error != null) {
            out.println("<div class=\"sk-notice sk-bad\" role=\"alert\">" + Html.esc(error) + "</div>");
        }
    }
}
