package org.sitekeeper.notifications.internal.domain;

import java.util.Map;

/** The three parts of a message template: a one-line subject, a plain-text body and an HTML body. */
public record TemplateSet(String name, Template subject, Template text, Template html) {

    /** The rendered message. */
    public record Rendered(String subject, String text, String html) {}

    public Rendered render(Map<String, ?> model) {
        String line = subject.render(model).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return new Rendered(
                line.length() > 300 ? line.substring(0, 299) + "…" : line, text.render(model), html.render(model));
    }
}
