package org.sitekeeper.telemetry.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PathParam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionHeartbeat;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.Heartbeat;
import org.sitekeeper.telemetry.api.HeartbeatReply;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.IssuedConnectionToken;
import org.sitekeeper.telemetry.api.IssuedMerchantKey;
import org.sitekeeper.telemetry.api.MerchantKeyDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.NewMerchantKey;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryEvent;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's OpenAPI fragment describes exactly the routes its three resources serve (the hub lists any other
 * under {@code x-undocumented}, which FeatureRemovalIT refuses), with the access each route really has, every
 * reference resolving against the fragment or the REST bundle's base document, schemas naming exactly the fields
 * the DTOs serialise to (snake_case) and request examples the API accepts.
 */
class OpenApiFragmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    /** The API's reading rules that matter for examples: snake_case, ISO-8601 times, unknown fields refused. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final List<Class<?>> RESOURCES =
            List.of(PluginsResource.class, ConnectionsResource.class, BotsResource.class);
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode fragment() throws IOException {
        return read("/OSGI-INF/sitekeeper/openapi.json");
    }

    /** {@code POST /v1/plugins/{id}/toggle} → the resource method serving it, as the hub's route list spells it. */
    private static Map<String, Method> served() {
        Map<String, Method> routes = new TreeMap<>();
        for (Class<?> type : RESOURCES) {
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
                String route = verb + " "
                        + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
                assertThat(routes.put(route, method))
                        .as("served twice: " + route)
                        .isNull();
            }
        }
        return routes;
    }

    /** {@code POST /v1/plugins/{id}/toggle} → its operation in the fragment. */
    private static Map<String, JsonNode> documented(JsonNode fragment) {
        Map<String, JsonNode> operations = new TreeMap<>();
        fragment.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (!method.getKey().equals("parameters")) {
                        operations.put(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    @Test
    void documentsExactlyTheRoutesTheResourcesServe() throws Exception {
        Set<String> served = served().keySet();

        assertThat(served).as("routes found by reflection").hasSizeGreaterThanOrEqualTo(24);
        assertThat(served)
                .contains(
                        "POST /v1/plugins/heartbeat",
                        "POST /v1/plugins/event",
                        "POST /v1/plugins/{id}/toggle",
                        "POST /v1/plugins/notifications/{notice}/acknowledge",
                        "GET /v1/connections",
                        "POST /bots/wordpress-heartbeat");
        assertThat(documented(fragment()).keySet()).containsExactlyElementsOf(served);
    }

    @Test
    void everyOperationHasATagASummaryItsAccessAndAnAnswer() throws IOException {
        documented(fragment()).forEach((where, op) -> {
            assertThat(op.path("tags").toString()).as(where).isEqualTo("[\"telemetry\"]");
            assertThat(op.path("summary").asText()).as(where).isNotBlank();
            assertThat(op.path("description").asText()).as(where).containsPattern("\n\nRole: [^\n]+\\.$");
            assertThat(op.path("responses").fieldNames()).as(where).toIterable().anyMatch(s -> s.startsWith("2"));
            assertThat(op.path("responses").has("401")).as(where).isTrue();
        });
    }

    /**
     * Staff routes inherit the document's security (HTTP Basic or an API token) and name the role the REST
     * bundle's access rule demands (reads viewer, changes ops); the public ones ({@code @PermitAll}) name the
     * credential they check instead.
     */
    @Test
    void accessIsDocumentedAsTheResourcesEnforceIt() throws IOException {
        Map<String, JsonNode> documented = documented(fragment());
        served().forEach((route, method) -> {
            JsonNode op = documented.get(route);
            String description = op.path("description").asText();
            if (method.isAnnotationPresent(PermitAll.class)) {
                assertThat(op.has("security"))
                        .as(route + " is public: it names its credential")
                        .isTrue();
                assertThat(op.path("security").toString()).as(route).containsAnyOf("\"merchantKey\"", "\"botToken\"");
            } else {
                assertThat(op.has("security")).as(route + " is for staff").isFalse();
                String role = method.isAnnotationPresent(GET.class) ? "viewer" : "ops";
                assertThat(description).as(route).endsWith("Role: `" + role + "`.");
            }
        });
        assertThat(documented.get("POST /v1/plugins/heartbeat").path("security").toString())
                .isEqualTo("[{\"merchantKey\":[]}]");
        assertThat(documented.get("POST /v1/plugins/event").path("security").toString())
                .isEqualTo("[{\"merchantKey\":[]}]");
        assertThat(documented
                        .get("POST /v1/plugins/notifications/{notice}/acknowledge")
                        .path("security")
                        .toString())
                .isEqualTo("[{\"merchantKey\":[]},{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
        assertThat(documented
                        .get("POST /bots/wordpress-heartbeat")
                        .path("security")
                        .toString())
                .isEqualTo("[{\"botToken\":[]}]");
    }

    @Test
    void theRateLimitAndOverloadAnswersCarryRetryAfter() throws IOException {
        JsonNode fragment = fragment();
        Map<String, JsonNode> documented = documented(fragment);
        for (String route : List.of("POST /v1/plugins/heartbeat", "POST /v1/plugins/event")) {
            JsonNode responses = documented.get(route).path("responses");
            assertThat(responses.path("429").path("$ref").asText())
                    .as(route)
                    .isEqualTo("#/components/responses/TelemetryRateLimited");
            assertThat(responses.path("503").path("$ref").asText())
                    .as(route)
                    .isEqualTo("#/components/responses/TelemetryUnavailable");
            assertThat(responses.has("403")).as(route).isTrue();
            assertThat(responses.has("400")).as(route).isTrue();
        }
        for (String response : List.of("TelemetryRateLimited", "TelemetryUnavailable")) {
            assertThat(fragment.path("components")
                            .path("responses")
                            .path(response)
                            .path("headers")
                            .has("Retry-After"))
                    .as(response)
                    .isTrue();
        }
        JsonNode bots = documented.get("POST /bots/wordpress-heartbeat").path("responses");
        assertThat(bots.path("200")
                        .path("content")
                        .path("application/json")
                        .path("example")
                        .toString())
                .isEqualTo("{\"success\":true,\"message\":\"WordPress connection updated successfully\"}");
        assertThat(bots.path("401")
                        .path("content")
                        .path("application/json")
                        .path("example")
                        .path("message")
                        .asText())
                .isEqualTo(BotsResource.FAILED);
    }

    @Test
    void pathTemplatesDeclareTheParametersTheResourcesRead() throws Exception {
        JsonNode paths = fragment().path("paths");
        served().forEach((route, method) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> read = new TreeSet<>();
            for (Parameter parameter : method.getParameters()) {
                PathParam param = parameter.getAnnotation(PathParam.class);
                if (param != null) {
                    read.add(param.value());
                }
            }
            assertThat(read).as(route).isEqualTo(inTemplate);
            Set<String> declared = new TreeSet<>();
            paths.path(path).path("parameters").forEach(p -> {
                assertThat(p.path("in").asText()).as(route).isEqualTo("path");
                assertThat(p.path("required").asBoolean()).as(route).isTrue();
                declared.add(p.path("name").asText());
            });
            assertThat(declared).as(route).isEqualTo(inTemplate);
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
        documented(fragment).forEach((where, op) -> op.path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> assertThat(
                                fragment.path("components")
                                                .path("securitySchemes")
                                                .has(scheme)
                                        || base.path("components")
                                                .path("securitySchemes")
                                                .has(scheme))
                        .as(where + " " + scheme)
                        .isTrue())));
    }

    @Test
    void componentNamesDoNotClashWithOtherCapabilities() throws IOException {
        JsonNode components = fragment().path("components");
        JsonNode base = read("/openapi-base.json").path("components");
        for (String section : List.of("schemas", "responses")) {
            components.path(section).fieldNames().forEachRemaining(name -> assertThat(name)
                    .as(section)
                    .startsWith("Telemetry"));
        }
        assertThat(components.path("securitySchemes").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("merchantKey", "botToken");
        components.path("securitySchemes").fieldNames().forEachRemaining(name -> assertThat(
                        base.path("securitySchemes").has(name))
                .as(name)
                .isFalse());
        assertThat(components
                        .path("securitySchemes")
                        .path("botToken")
                        .path("name")
                        .asText())
                .isEqualTo("X-Bot-Token");
    }

    @Test
    void schemasNameExactlyTheFieldsTheDtosSerialise() throws IOException {
        JsonNode schemas = fragment().path("components").path("schemas");
        Map<String, Class<? extends Record>> dtos = new LinkedHashMap<>();
        dtos.put("TelemetryHeartbeat", Heartbeat.class);
        dtos.put("TelemetryHeartbeatReply", HeartbeatReply.class);
        dtos.put("TelemetryEvent", TelemetryEvent.class);
        dtos.put("TelemetryStoredEvent", EventDto.class);
        dtos.put("TelemetryInstallation", InstallationDto.class);
        dtos.put("TelemetryInstallationDetail", InstallationDetail.class);
        dtos.put("TelemetryToggleChange", ToggleChange.class);
        dtos.put("TelemetryToggle", ToggleDto.class);
        dtos.put("TelemetryNotifyUpgrade", PluginsResource.NotifyRequest.class);
        dtos.put("TelemetryUpgradeNotice", UpgradeNoticeDto.class);
        dtos.put("TelemetryStatsOverview", StatsOverview.class);
        dtos.put("TelemetryCmsCount", StatsOverview.CmsCount.class);
        dtos.put("TelemetryNewVersion", NewVersion.class);
        dtos.put("TelemetryVersion", VersionDto.class);
        dtos.put("TelemetryNewMerchantKey", NewMerchantKey.class);
        dtos.put("TelemetryMerchantKey", MerchantKeyDto.class);
        dtos.put("TelemetryIssuedMerchantKey", IssuedMerchantKey.class);
        dtos.put("TelemetryMonitoringRunRequest", PluginsResource.RunRequest.class);
        dtos.put("TelemetryMonitoringRun", MonitoringRun.class);
        dtos.put("TelemetryConnection", ConnectionDto.class);
        dtos.put("TelemetryIssuedConnectionToken", IssuedConnectionToken.class);
        dtos.put("TelemetryNewConnectionToken", ConnectionsResource.NewToken.class);
        dtos.put("TelemetryConnectionHeartbeat", ConnectionHeartbeat.class);
        dtos.forEach((schema, dto) -> {
            assertThat(schemas.has(schema)).as(schema).isTrue();
            assertThat(properties(schemas, schemas.path(schema)))
                    .as(schema + " vs " + dto.getSimpleName())
                    .isEqualTo(wireNames(dto));
        });
    }

    /** Every example names only documented fields, every required one, and reads into its DTO by the API's rules. */
    @Test
    void examplesMatchTheirSchemas() throws IOException {
        JsonNode fragment = fragment();
        JsonNode schemas = fragment.path("components").path("schemas");
        List<String> checked = new ArrayList<>();
        documented(fragment).forEach((where, op) -> {
            List<JsonNode> contents = new ArrayList<>();
            op.path("requestBody").path("content").forEach(contents::add);
            op.path("responses").forEach(response -> response.path("content").forEach(contents::add));
            for (JsonNode content : contents) {
                List<JsonNode> examples = new ArrayList<>();
                if (content.has("example")) {
                    examples.add(content.path("example"));
                }
                content.path("examples").forEach(e -> examples.add(e.path("value")));
                JsonNode schema = content.path("schema");
                boolean array = schema.path("type").asText().equals("array");
                String ref =
                        (array ? schema.path("items") : schema).path("$ref").asText();
                if (!ref.startsWith("#/components/schemas/Telemetry")) {
                    continue;
                }
                JsonNode target = schemas.path(ref.substring("#/components/schemas/".length()));
                for (JsonNode example : examples) {
                    for (JsonNode item : array ? iterable(example) : List.of(example)) {
                        Set<String> keys = new TreeSet<>();
                        item.fieldNames().forEachRemaining(keys::add);
                        assertThat(properties(schemas, target))
                                .as(where + " " + ref)
                                .containsAll(keys);
                        assertThat(keys).as(where + " " + ref).containsAll(required(schemas, target));
                        checked.add(where);
                    }
                }
            }
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(30);

        Map<String, Class<?>> requests = Map.of(
                "POST /v1/plugins/heartbeat", Heartbeat.class,
                "POST /v1/plugins/event", TelemetryEvent.class,
                "POST /v1/plugins/{id}/toggle", ToggleChange.class,
                "POST /v1/plugins/{id}/notify-upgrade", PluginsResource.NotifyRequest.class,
                "POST /v1/plugins/versions", NewVersion.class,
                "POST /v1/plugins/keys", NewMerchantKey.class,
                "POST /v1/plugins/monitoring/run", PluginsResource.RunRequest.class,
                "POST /v1/connections/tokens", ConnectionsResource.NewToken.class,
                "POST /bots/wordpress-heartbeat", ConnectionHeartbeat.class);
        Map<String, JsonNode> documented = documented(fragment);
        requests.forEach((route, type) -> {
            JsonNode content =
                    documented.get(route).path("requestBody").path("content").path("application/json");
            List<JsonNode> examples = new ArrayList<>();
            if (content.has("example")) {
                examples.add(content.path("example"));
            }
            content.path("examples").forEach(e -> examples.add(e.path("value")));
            assertThat(examples).as(route).isNotEmpty();
            for (JsonNode example : examples) {
                try {
                    assertThat(STRICT.treeToValue(example, type)).as(route).isNotNull();
                } catch (IOException e) {
                    throw new AssertionError(route + ": " + e.getMessage(), e);
                }
            }
        });

        // seed 002's heartbeat, reply and event bodies as the seed prints them
        JsonNode heartbeat = documented.get("POST /v1/plugins/heartbeat");
        JsonNode body = heartbeat
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("example");
        assertThat(body.path("cms").asText()).isEqualTo("woocommerce");
        assertThat(body.path("plugin_version").asText()).isEqualTo("1.3.5");
        assertThat(body.path("server_info").path("memory_limit").asText()).isEqualTo("256M");
        JsonNode reply = heartbeat
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("seed002")
                .path("value");
        assertThat(reply.path("toggles").toString())
                .isEqualTo(
                        "{\"block_plugin\":false,\"force_update\":false,\"enable_debug\":false,\"rate_limit\":false}");
        HeartbeatReply typed = STRICT.treeToValue(reply, HeartbeatReply.class);
        assertThat(typed.status()).isEqualTo("ok");
        JsonNode event = documented
                .get("POST /v1/plugins/event")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("example");
        assertThat(event.path("event_data").path("error_code").asText()).isEqualTo("card_declined");
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The property names of a schema, through {@code allOf} references. */
    private static Set<String> properties(JsonNode schemas, JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (JsonNode part : schema.path("allOf")) {
            String ref = part.path("$ref").asText();
            names.addAll(properties(
                    schemas, ref.isEmpty() ? part : schemas.path(ref.substring("#/components/schemas/".length()))));
        }
        return names;
    }

    private static Set<String> required(JsonNode schemas, JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        for (JsonNode part : schema.path("allOf")) {
            String ref = part.path("$ref").asText();
            names.addAll(required(
                    schemas, ref.isEmpty() ? part : schemas.path(ref.substring("#/components/schemas/".length()))));
        }
        return names;
    }

    /** The JSON names a record is written with: snake_case, {@code @JsonProperty}, {@code @JsonUnwrapped} flattened. */
    @SuppressWarnings("unchecked")
    private static Set<String> wireNames(Class<? extends Record> dto) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : dto.getRecordComponents()) {
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonUnwrapped.class)) {
                names.addAll(wireNames((Class<? extends Record>) component.getType()));
                continue;
            }
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            names.add(
                    property != null && !property.value().isEmpty()
                            ? property.value()
                            : SNAKE.translate(component.getName()));
        }
        return names;
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
