package org.sitekeeper.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMappersTest {

    /** A request body as resources take them. */
    record NewSite(String siteName, int checkIntervalSeconds, Boolean enabled, Double weight, List<String> tags) {}

    /** A response as resources return them. */
    record SiteView(String siteName, Role role, Instant createdAt, Duration lastCheck, Optional<String> note) {}

    private final ObjectMapper mapper = JsonMappers.create();

    private NewSite read(String json) throws JsonProcessingException {
        return mapper.readValue(json, NewSite.class);
    }

    @Test
    void readsSnakeCaseNames() throws Exception {
        NewSite site = read("{\"site_name\":\"shop\",\"check_interval_seconds\":60,\"enabled\":true,"
                + "\"weight\":1.5,\"tags\":[\"prod\",\"eu\"]}");

        assertThat(site).isEqualTo(new NewSite("shop", 60, true, 1.5, List.of("prod", "eu")));
    }

    @Test
    void missingOptionalFieldsAreNull() throws Exception {
        assertThat(read("{\"site_name\":\"shop\",\"check_interval_seconds\":60}")
                        .enabled())
                .isNull();
    }

    @Test
    void camelCaseNamesAreUnknown() {
        assertThatThrownBy(() -> read("{\"siteName\":\"shop\",\"check_interval_seconds\":60}"))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void refusesUnknownFields() {
        assertThatThrownBy(() -> read("{\"admin\":true,\"site_name\":\"shop\",\"check_interval_seconds\":60}"))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class, e -> assertThat(e.getPropertyName())
                        .isEqualTo("admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"site_name\":42}", "{\"site_name\":4.2}", "{\"site_name\":true}"})
    void refusesScalarsIntoATextField(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"check_interval_seconds\":\"60\"}",
                "{\"check_interval_seconds\":60.5}",
                "{\"check_interval_seconds\":true}",
                "{\"check_interval_seconds\":null}"
            })
    void refusesOtherInputIntoAWholeNumberField(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"enabled\":\"true\"}", "{\"enabled\":1}", "{\"enabled\":0.0}"})
    void refusesOtherInputIntoABooleanField(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"weight\":\"1.5\"}", "{\"weight\":false}"})
    void refusesOtherInputIntoANumberField(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tags\":\"prod\"}", "{\"tags\":\"\"}"})
    void refusesTextWhereAnArrayIsExpected(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesTextWhereAnObjectIsExpected() {
        assertThatThrownBy(() -> read("\"shop\"")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("\"\"")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesTrailingTokens() {
        assertThatThrownBy(() -> read("{\"site_name\":\"a\"} {\"site_name\":\"b\"}"))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"site_name\":\"a\"} x")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> read("{\"site_name\":\"a\",\"site_name\":\"b\"}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'site_name'");
        assertThatThrownBy(() -> mapper.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void writesSnakeCaseLowerCaseEnumsAndIsoTimes() throws Exception {
        SiteView view = new SiteView(
                "shop",
                Role.OPS,
                Instant.parse("2026-01-31T12:00:00.250Z"),
                Duration.ofMillis(1500),
                Optional.of("fine"));

        assertThat(mapper.writeValueAsString(view))
                .isEqualTo("{\"site_name\":\"shop\",\"role\":\"ops\",\"created_at\":\"2026-01-31T12:00:00.250Z\","
                        + "\"last_check\":\"PT1.5S\",\"note\":\"fine\"}");
    }

    @Test
    void writesNullsAndEmptyOptionalsExplicitly() throws Exception {
        SiteView view = new SiteView("shop", null, null, null, Optional.empty());

        assertThat(mapper.writeValueAsString(view))
                .isEqualTo("{\"site_name\":\"shop\",\"role\":null,\"created_at\":null,\"last_check\":null,"
                        + "\"note\":null}");
    }

    @Test
    void errorBodiesLeaveOutAbsentFieldsAndInternals() throws Exception {
        assertThat(mapper.writeValueAsString(ApiError.of(404, "not_found", "no such site")))
                .isEqualTo("{\"error\":\"not_found\",\"message\":\"no such site\"}");
        assertThat(mapper.writeValueAsString(new ApiError(429, "rate_limited", "slow down", "x", 5L)))
                .isEqualTo("{\"error\":\"rate_limited\",\"message\":\"slow down\",\"field\":\"x\"}");
    }

    @Test
    void writesAnEmptyObjectForBeansWithoutProperties() throws Exception {
        assertThat(mapper.writeValueAsString(new Object())).isEqualTo("{}");
    }
}
