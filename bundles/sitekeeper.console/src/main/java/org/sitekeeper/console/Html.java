package org.sitekeeper.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** HTML escaping and small HTML pieces. Every stored string goes through {@link #esc} before it is written. */
public final class Html {

    private Html() {}

    /** Escapes text for element content and quoted attribute values; {@code null} gives an empty string. */
    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code path?k=v&…} with every key and value URL-encoded; empty values are left out. */
    public static String link(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((key, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                query.add(encode(key) + "=" + encode(value.toString()));
            }
        });
        return query.length() == 0 ? path : path + "?" + query;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A coloured status badge; {@code kind} is ok, warn, bad, info or muted. */
    public static String badge(String text, String kind) {
        return "<span class=\"sk-badge sk-" + esc(kind) + "\">" + esc(text) + "</span>";
    }
}
