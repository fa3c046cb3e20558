package org.sitekeeper.notifications.internal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the template for a message. For topic {@code sitekeeper/orders/ALERT} it looks for the folders
 * {@code sitekeeper.orders.ALERT}, then {@code sitekeeper.orders}, then {@code default} — first among the
 * operator's overrides (a directory, {@code etc/sitekeeper/templates/}), then among the built-in templates. A
 * folder holds {@code subject.txt}, {@code body.txt} and {@code body.html}; a part missing from an override is
 * taken from the built-in set of the same name or the default.
 */
public final class Templates {

    public static final String DEFAULT = "default";
    public static final String GROUPED = "grouped";
    public static final String TEST = "test";
    private static final String[] PARTS = {"subject.txt", "body.txt", "body.html"};

    private final Path overrides;
    private final Function<String, URL> builtIn;
    private final Map<String, TemplateSet> cache = new ConcurrentHashMap<>();

    /**
     * @param overrides the operator's template directory (may be missing)
     * @param builtIn finds a built-in file by path, e.g. {@code templates/default/subject.txt}
     */
    public Templates(Path overrides, Function<String, URL> builtIn) {
        this.overrides = overrides;
        this.builtIn = builtIn;
    }

    /** The template set for an event topic (or a special name: {@link #GROUPED}, {@link #TEST}). */
    public TemplateSet forTopic(String topic) {
        return cache.computeIfAbsent(topic, this::load);
    }

    /** Forgets loaded templates so that edited overrides apply. */
    public void reload() {
        cache.clear();
    }

    private TemplateSet load(String topic) {
        String full = topic.replace('/', '.');
        String capability = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : full;
        String[] names = {full, capability, DEFAULT};
        String[] sources = new String[PARTS.length];
        String chosen = DEFAULT;
        for (int part = 0; part < PARTS.length; part++) {
            for (String name : names) {
                Optional<String> found = read(name, PARTS[part]);
                if (found.isPresent()) {
                    sources[part] = found.get();
                    if (part == 0) {
                        chosen = name;
                    }
                    break;
                }
            }
            if (sources[part] == null) {
                throw new IllegalStateException("no built-in template part " + PARTS[part]);
            }
        }
        return new TemplateSet(
                chosen,
                Template.parse(sources[0], false),
                Template.parse(sources[1], false),
                Template.parse(sources[2], true));
    }

    private Optional<String> read(String name, String part) {
        if (overrides != null) {
            Path file = overrides.resolve(name).resolve(part);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + file, e);
                }
            }
        }
        URL url = builtIn.apply("templates/" + name + "/" + part);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + url, e);
        }
    }
}
