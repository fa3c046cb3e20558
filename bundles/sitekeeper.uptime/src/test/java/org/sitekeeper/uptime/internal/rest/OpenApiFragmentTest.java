package org.sitekeeper.uptime.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PathParam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.SiteUptime;
import org.sitekeeper.uptime.api.UptimeOverview;
import org.sitekeeper.uptime.api.UptimeStats;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's OpenAPI fragment describes exactly the routes its resources serve (the hub lists any other under
 * {@code x-undocumented}), every reference in it resolves against the fragment or the REST bundle's base document,
 * and its schemas name exactly the fields the DTOs serialise to (snake_case, as the API's JSON mapper writes them).
 */
class OpenApiFragmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode fragment() throws IOException {
        return read("/OSGI-INF/sitekeeper/openapi.json");
    }

    /** The JAX-RS resource classes of this bundle: every class in this package with a {@code @Path}. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(MonitorsResource.class
                        .getResource(MonitorsResource.class.getSimpleName() + ".class")
                        .toURI())
                .getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(
                            MonitorsResource.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                    if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }

    /** {@code GET /v1/monitors/{id}}, as the hub's route list spells them. */
    private static Set<String> served() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : resources()) {
            String base = type.getAnnotation(javax.ws.rs.Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(h -> h != null)
                        .map(HttpMethod::value)
                        .findFirst()
                        .orElse(null);
                if (verb == null) {
                    continue;
                }
                javax.ws.rs.Path sub = method.getAnnotation(javax.ws.rs.Path.class);
                String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                routes.add(verb + " "
                        + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            }
        }
        return routes;
    }

    private static Set<String> documented(JsonNode fragment) {
        Set<String> operations = new TreeSet<>();
        fragment.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!method.equals("parameters")) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    @Test
    void documentsExactlyTheRoutesTheResourcesServe() throws Exception {
        Set<String> served = served();

        assertThat(served).as("routes found by reflection").hasSizeGreaterThanOrEqualTo(13);
        assertThat(documented(fragment())).containsExactlyElementsOf(served);
    }

    @Test
    void everyOperationHasATagASummaryItsRoleAndAnAnswer() throws IOException {
        fragment().path("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(operation -> {
                    if (operation.getKey().equals("parameters")) {
                        return;
                    }
                    String where = operation.getKey() + " " + path.getKey();
                    JsonNode op = operation.getValue();
                    assertThat(op.path("tags").toString()).as(where).isEqualTo("[\"uptime\"]");
                    assertThat(op.path("summary").asText()).as(where).isNotBlank();
                    assertThat(op.path("description").asText()).as(where).containsPattern("Role: `(viewer|ops)`\\.$");
                    assertThat(op.path("responses").fieldNames())
                            .as(where)
                            .toIterable()
                            .anyMatch(s -> s.startsWith("2"));
                    assertThat(op.path("responses").has("401")).as(where).isTrue();
                }));
    }

    @Test
    void pathTemplatesDeclareTheirParameters() throws Exception {
        for (Class<?> type : resources()) {
            for (Method method : type.getMethods()) {
                for (var parameter : method.getParameters()) {
                    PathParam param = parameter.getAnnotation(PathParam.class);
                    if (param != null) {
                        assertThat(parameter.getType())
                                .as("%s %s", method, param.value())
                                .isEqualTo(long.class);
                    }
                }
            }
        }
        fragment().path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().contains("{id}")) {
                assertThat(path.getValue().path("parameters").toString())
                        .as(path.getKey())
                        .contains("\"name\":\"id\",\"in\":\"path\",\"required\":true");
            }
        });
    }

    @Test
    void everyReferenceResolvesInTheFragmentOrTheBase() throws IOException {
        JsonNode fragment = fragment();
        JsonNode base = read("/openapi-base.json");
        List<String> refs = new ArrayList<>();
        collectRefs(fragment, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/");
            String[] parts = ref.substring("#/components/".length()).split("/");
            boolean found = fragment.path("components").path(parts[0]).has(parts[1])
                    || base.path("components").path(parts[0]).has(parts[1]);
            assertThat(found).as(ref).isTrue();
        }
    }

    @Test
    void schemaNamesDoNotClashWithOtherCapabilities() throws IOException {
        fragment().path("components").path("schemas").fieldNames().forEachRemaining(name -> assertThat(name)
                .containsAnyOf("Uptime", "uptime"));
    }

    @Test
    void schemasNameExactlyTheFieldsTheDtosSerialise() throws IOException {
        JsonNode schemas = fragment().path("components").path("schemas");
        Map<String, Class<? extends Record>> dtos = Map.of(
                "UptimeMonitor", MonitorDto.class,
                "NewUptimeMonitor", MonitorSpec.class,
                "UptimeMonitorChanges", MonitorSpec.class,
                "UptimeCheckResult", CheckResultDto.class,
                "UptimeIncident", IncidentDto.class,
                "UptimeStats", UptimeStats.class,
                "UptimeDailyBar", DailyBar.class,
                "SiteUptime", SiteUptime.class,
                "UptimeWorstMonitor", UptimeOverview.WorstMonitor.class,
                "UptimeEngineStats", CheckEngine.Stats.class);
        dtos.forEach((schema, dto) -> {
            Set<String> expected = new TreeSet<>();
            for (RecordComponent component : dto.getRecordComponents()) {
                expected.add(SNAKE.translate(component.getName()));
            }
            Set<String> documented = new TreeSet<>();
            schemas.path(schema).path("properties").fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(schema + " vs " + dto.getSimpleName()).isEqualTo(expected);
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
