package org.sitekeeper.rest.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    private OpenApiDocument document() throws Exception {
        return new OpenApiDocument(parse("{'openapi':'3.0.3','info':{'title':'Sitekeeper API','version':'0'},"
                + "'paths':{'/v1/openapi.json':{'get':{'summary':'this'}}},"
                + "'components':{'schemas':{'Error':{'type':'object'}}}}"));
    }

    @Test
    void mergesThePathsAndComponentsOfEveryFragment() throws Exception {
        JsonNode sites = parse("{'paths':{'/v1/sites':{'get':{'summary':'list'},'post':{'summary':'add'}}},"
                + "'components':{'schemas':{'Site':{'type':'object'}}}}");
        JsonNode users = parse("{'paths':{'/v1/users':{'get':{'summary':'users'}}},"
                + "'components':{'schemas':{'User':{'type':'object'}},'parameters':{'id':{'in':'path'}}}}");

        ObjectNode assembled = document().assemble("1.2.3", List.of(sites, users), List.of());

        assertThat(assembled.path("info").path("version").asText()).isEqualTo("1.2.3");
        assertThat(OpenApiDocument.operations(assembled))
                .containsExactly("GET /v1/openapi.json", "GET /v1/sites", "GET /v1/users", "POST /v1/sites");
        assertThat(assembled.path("components").path("schemas").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("Error", "Site", "User");
        assertThat(assembled.path("components").path("parameters").has("id")).isTrue();
        assertThat(assembled.has("x-undocumented")).isFalse();
    }

    @Test
    void listsTheServedRoutesNoFragmentDescribes() throws Exception {
        JsonNode sites = parse("{'paths':{'/v1/sites':{'get':{'summary':'list'}}}}");

        ObjectNode assembled = document()
                .assemble(
                        "1",
                        List.of(sites),
                        List.of(
                                new Route("GET", "/v1/sites"),
                                new Route("DELETE", "/v1/sites/{id}"),
                                new Route("POST", "/v1/sites")));

        assertThat(assembled.path("x-undocumented"))
                .extracting(JsonNode::asText)
                .containsExactly("POST /v1/sites", "DELETE /v1/sites/{id}");
    }

    @Test
    void assemblingLeavesTheBaseUntouched() throws Exception {
        OpenApiDocument document = document();
        document.assemble("1", List.of(parse("{'paths':{'/v1/x':{'get':{}}}}")), List.of());

        assertThat(OpenApiDocument.operations(document.assemble("1", List.of(), List.of())))
                .containsExactly("GET /v1/openapi.json");
    }
}
