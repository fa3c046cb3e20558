package org.sitekeeper.notifications.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small Mustache subset: {@code {{name}}} inserts a value (escaped when the template is HTML),
 * {@code {{{name}}}} inserts it raw, {@code {{#name}}…{{/name}}} renders its content when the value is present
 * (once, or once per item when the value is a list of maps), {@code {{^name}}…{{/name}}} when it is absent.
 * Names may contain dots ({@code {{orders.expected}}}); an unknown name is empty. Unlike Mustache, a line
 * holding only a section tag still ends with its line break, so put line breaks inside sections. A template
 * that does not parse fails when it is loaded, not when a message is sent.
 */
public final class Template {

    private sealed interface Node permits Text, Value, Section {}

    private record Text(String text) implements Node {}

    private record Value(String name, boolean raw) implements Node {}

    private record Section(String name, boolean inverted, List<Node> body) implements Node {}

    private final List<Node> nodes;
    private final boolean html;

    private Template(List<Node> nodes, boolean html) {
        this.nodes = nodes;
        this.html = html;
    }

    /** @throws IllegalArgumentException when sections do not close or tags are malformed */
    public static Template parse(String source, boolean html) {
        List<List<Node>> stack = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<Boolean> inverted = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            int tag = source.indexOf("{{", i);
            if (tag < 0) {
                current.add(new Text(source.substring(i)));
                break;
            }
            if (tag > i) {
                current.add(new Text(source.substring(i, tag)));
            }
            boolean triple = source.startsWith("{{{", tag);
            int close = source.indexOf(triple ? "}}}" : "}}", tag);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed tag at " + tag);
            }
            String inside = source.substring(tag + (triple ? 3 : 2), close).strip();
            i = close + (triple ? 3 : 2);
            if (triple) {
                current.add(new Value(inside, true));
            } else if (inside.startsWith("#") || inside.startsWith("^")) {
                stack.add(current);
                open.add(inside.substring(1).strip());
                inverted.add(inside.startsWith("^"));
                current = new ArrayList<>();
            } else if (inside.startsWith("/")) {
                String name = inside.substring(1).strip();
                if (open.isEmpty() || !open.get(open.size() - 1).equals(name)) {
                    throw new IllegalArgumentException("unexpected {{/" + name + "}}");
                }
                Section section = new Section(name, inverted.remove(inverted.size() - 1), current);
                open.remove(open.size() - 1);
                current = stack.remove(stack.size() - 1);
                current.add(section);
            } else if (!inside.startsWith("!")) {
                current.add(new Value(inside, false));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("{{#" + open.get(open.size() - 1) + "}} is not closed");
        }
        return new Template(List.copyOf(current), html);
    }

    /** Renders with {@code model}: values are strings, booleans, numbers or lists of maps (for sections). */
    public String render(Map<String, ?> model) {
        StringBuilder out = new StringBuilder();
        render(nodes, model, out);
        return out.toString();
    }

    private void render(List<Node> body, Map<String, ?> model, StringBuilder out) {
        for (Node node : body) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Value value) {
                Object v = model.get(value.name());
                String s = v == null || v instanceof List ? "" : v.toString();
                out.append(html && !value.raw() ? escape(s) : s);
            } else if (node instanceof Section section) {
                Object v = model.get(section.name());
                if (section.inverted()) {
                    if (!present(v)) {
                        render(section.body(), model, out);
                    }
                } else if (v instanceof List<?> items) {
                    for (Object item : items) {
                        render(section.body(), scope(model, item), out);
                    }
                } else if (present(v)) {
                    render(section.body(), model, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> scope(Map<String, ?> outer, Object item) {
        if (!(item instanceof Map)) {
            return outer;
        }
        java.util.HashMap<String, Object> merged = new java.util.HashMap<>(outer);
        merged.putAll((Map<String, ?>) item);
        return merged;
    }

    private static boolean present(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        String s = value.toString();
        return !s.isEmpty() && !s.equals("false") && !s.equals("0");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
