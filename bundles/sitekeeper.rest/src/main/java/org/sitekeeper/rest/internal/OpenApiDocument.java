package org.sitekeeper.rest.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Assembles the API's OpenAPI document from the base (security schemes, the error body, shared parameters)
 * and the fragments the installed bundles ship: each fragment contributes {@code paths} and
 * {@code components}. Routes the API serves that no fragment documents are listed under
 * {@code x-undocumented}, so a missing description shows instead of hiding.
 */
final class OpenApiDocument {

    static final String FRAGMENT = "OSGI-INF/sitekeeper/openapi.json";

    private final JsonNode base;

    OpenApiDocument(JsonNode base) {
        this.base = base;
    }

    /**
     * @param version the hub's version for {@code info.version}
     * @param fragments the installed bundles' fragments
     * @param served every route the API serves now
     */
    ObjectNode assemble(String version, Collection<JsonNode> fragments, Collection<Route> served) {
        ObjectNode document = base.deepCopy();
        document.withObjectProperty("info").put("version", version);
        ObjectNode paths = document.withObjectProperty("paths");
        ObjectNode components = document.withObjectProperty("components");
        for (JsonNode fragment : fragments) {
            merge(paths, fragment.path("paths"));
            fragment.path("components")
                    .fields()
                    .forEachRemaining(
                            section -> merge(components.withObjectProperty(section.getKey()), section.getValue()));
        }
        TreeSet<Route> missing = new TreeSet<>();
        for (Route route : served) {
            JsonNode operation = paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                missing.add(route);
            }
        }
        if (!missing.isEmpty()) {
            ArrayNode undocumented = document.putArray("x-undocumented");
            missing.forEach(route -> undocumented.add(route.toString()));
        }
        return document;
    }

    /** Routes in the document's paths, for tests and logs. */
    static List<String> operations(JsonNode document) {
        TreeSet<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return List.copyOf(operations);
    }

    private static void merge(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
