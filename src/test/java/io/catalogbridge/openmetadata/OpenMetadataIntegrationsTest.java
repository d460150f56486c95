package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OpenMetadataIntegrationsTest {

    /** A real shape of bot token (header.payload.signature); its payload says {"sub": "catalog-bridge-bot", ...}. */
    private static final String TOKEN = "eyJraWQiOiJHYjM4OWEtOWY3Ni1nZGpzLWE5MmotMDI0MmJrOTQzNTYiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9"
            + ".eyJzdWIiOiJjYXRhbG9nLWJyaWRnZS1ib3QiLCJpc0JvdCI6dHJ1ZSwiaXNzIjoib3Blbi1tZXRhZGF0YS5vcmciLCJleHAiOjE3OTAwMDAwMDB9"
            + ".c2lnbmF0dXJl";

    private final ObjectMapper mapper = new ObjectMapper();
    private final OpenMetadataIntegrations integrations = new OpenMetadataIntegrations(properties(false));

    @Test
    void theDocumentedBodyIsReadAndValidWithItsUrlNormalisedAndKeptAsGiven() throws Exception {
        OpenMetadataIntegrationRequest request = mapper.readValue("""
                {"url": "https://om.example.com/", "jwt_token": "%s",
                 "data_source_links": [{"data_source_name": "dwh_prod", "service_name": "snowflake_prod"}]}"""
                .formatted(TOKEN), OpenMetadataIntegrationRequest.class);

        OpenMetadataIntegration integration = integrations.validate(request);

        assertThat(integration.url()).isEqualTo("https://om.example.com");
        assertThat(integration.givenUrl()).isEqualTo("https://om.example.com/");
        assertThat(integration.jwtToken()).isEqualTo(TOKEN);
        assertThat(integration.dataSourceLinks())
                .containsExactly(new OpenMetadataDataSourceLink("dwh_prod", "snowflake_prod"));
    }

    @Test
    void theAnswerEchoesTheUrlAsGivenAndTheLinksButNeverTheToken() throws Exception {
        OpenMetadataIntegration integration = integrations.validate(new OpenMetadataIntegrationRequest(
                "https://om.example.com:8585//", TOKEN, List.of(new OpenMetadataDataSourceLink("pg", "pg_prod"))));

        String answer = mapper.writeValueAsString(integration.settings());

        assertThat(answer).isEqualTo("{\"url\":\"https://om.example.com:8585//\",\"data_source_links\":"
                + "[{\"data_source_name\":\"pg\",\"service_name\":\"pg_prod\"}],\"quality\":{\"push\":true}}");
        assertThat(integration.url()).isEqualTo("https://om.example.com:8585");
    }

    @Test
    void linksAreOptional() {
        OpenMetadataIntegration integration = integrations.validate(
                new OpenMetadataIntegrationRequest("https://om.example.com", TOKEN, null));

        assertThat(integration.dataSourceLinks()).isEmpty();
        assertThat(integration.settings().dataSourceLinks()).isEmpty();
    }

    @Test
    void theTokenIsNeverInToStringNorInAnyError() {
        String secret = "s3cr3t-" + "x".repeat(9000);
        OpenMetadataIntegrationRequest request = new OpenMetadataIntegrationRequest("http://om.example.com", secret,
                null);

        ProblemException problem = invalid(request);

        assertThat(request.toString()).doesNotContain("s3cr3t").contains("jwtToken=<redacted>");
        assertThat(integrations.validate(new OpenMetadataIntegrationRequest("https://om.example.com", TOKEN, null))
                .toString()).doesNotContain(TOKEN).contains("jwtToken=<redacted>");
        assertThat(problem.getMessage()).doesNotContain("s3cr3t");
        assertThat(problem.errors()).extracting(FieldError::detail).noneMatch(detail -> detail.contains("s3cr3t"));
    }

    @Test
    void everyBadFieldIsNamedInOne400() {
        ProblemException problem = invalid(new OpenMetadataIntegrationRequest("http://om.example.com", " ",
                Arrays.asList(new OpenMetadataDataSourceLink("dwh", "svc"), new OpenMetadataDataSourceLink("dwh", ""),
                        new OpenMetadataDataSourceLink(null, "a::b"), null)));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).containsExactly(
                new FieldError("url", "must use https"),
                new FieldError("jwt_token", "is required and may not be empty"),
                new FieldError("data_source_links[1].data_source_name", "is linked twice"),
                new FieldError("data_source_links[1].service_name", "is required"),
                new FieldError("data_source_links[2].data_source_name", "is required"),
                new FieldError("data_source_links[2].service_name",
                        "may not contain '::' (OpenMetadata refuses it in names)"),
                new FieldError("data_source_links[3].data_source_name", "is required"),
                new FieldError("data_source_links[3].service_name", "is required"));
        assertThat(problem.getMessage()).startsWith("Invalid OpenMetadata integration: url must use https, jwt_token is"
                + " required and may not be empty, data_source_links[1].data_source_name is linked twice");
    }

    @Test
    void theUrlRulesAreTheAlationIntegrations() {
        assertThat(urlError(null)).isEqualTo("is required");
        assertThat(urlError("om.example.com")).isEqualTo(
                "must be an absolute URL with a host, e.g. https://openmetadata.example.com");
        assertThat(urlError("https://om example.com")).isEqualTo("is not a valid URL");
        assertThat(urlError("ftp://om.example.com")).isEqualTo("must use https");
        assertThat(urlError("https://bot:pw@om.example.com")).isEqualTo(
                "must be the instance's base URL, without credentials, query or fragment");
        assertThat(urlError("https://om.example.com/?x=1")).isEqualTo(
                "must be the instance's base URL, without credentials, query or fragment");
        assertThat(urlError("https://om.example.com/#api")).isEqualTo(
                "must be the instance's base URL, without credentials, query or fragment");
        assertThat(urlError("https://" + "a".repeat(64) + ".example.com")).isEqualTo(
                "has a host name label longer than 63 characters");
        assertThat(urlError("https://169.254.169.254")).isEqualTo(
                "may not point at a link-local or cloud-metadata address");
        assertThat(urlError("https://metadata.google.internal")).isEqualTo(
                "may not point at a link-local or cloud-metadata address");
        assertThat(urlError("https://[fe80::1]:8585")).isEqualTo(
                "may not point at a link-local or cloud-metadata address");
        assertThat(urlError("https://om.example.com\u0000")).isEqualTo("may not contain the control character U+0000");
    }

    @Test
    void plainHttpIsAcceptedOnlyWhenAllowed() {
        OpenMetadataIntegrations allowing = new OpenMetadataIntegrations(properties(true));

        assertThat(allowing.validate(new OpenMetadataIntegrationRequest("http://127.0.0.1:8585/", TOKEN, null)).url())
                .isEqualTo("http://127.0.0.1:8585");
        assertThat(invalid(allowing, new OpenMetadataIntegrationRequest("ftp://127.0.0.1", TOKEN, null)).errors())
                .containsExactly(new FieldError("url", "must use https or http"));
    }

    @Test
    void theTokenIsABearerTokenOfAtMost8KiBTrimmedOfWhatAPasteLeaves() {
        assertThat(integrations.validate(new OpenMetadataIntegrationRequest("https://om.example.com", " " + TOKEN + "\n",
                null)).jwtToken()).isEqualTo(TOKEN);
        assertThat(integrations.validate(new OpenMetadataIntegrationRequest("https://om.example.com", "opaque-pat_1~+/==",
                null)).jwtToken()).isEqualTo("opaque-pat_1~+/==");
        assertThat(tokenError("a".repeat(8193))).isEqualTo("may not exceed 8 KiB");
        assertThat(integrations.validate(new OpenMetadataIntegrationRequest("https://om.example.com", "a".repeat(8192),
                null)).jwtToken()).hasSize(8192);
        assertThat(tokenError("Bearer " + TOKEN)).isEqualTo(
                "must be a bearer token: letters, digits and - . _ ~ + / only, then = padding");
        assertThat(tokenError("abc\r\nX-Injected: 1")).isEqualTo(
                "must be a bearer token: letters, digits and - . _ ~ + / only, then = padding");
        assertThat(tokenError("abc\u0000")).isEqualTo("may not contain the control character U+0000");
        assertThat(tokenError(null)).isEqualTo("is required and may not be empty");
    }

    @Test
    void aServiceNameMustBeOneOpenMetadataCanHold() {
        assertThat(linkError("s".repeat(257))).isEqualTo("may not exceed 256 characters (OpenMetadata's longest name)");
        assertThat(linkError("a\nb")).isEqualTo("may not contain a line break (OpenMetadata refuses it in names)");
        assertThat(linkError("a\u0001b")).isEqualTo("may not contain the control character U+0001");
        assertThat(integrations.validate(new OpenMetadataIntegrationRequest("https://om.example.com", TOKEN,
                List.of(new OpenMetadataDataSourceLink("dwh", "Snowflake Prod (EU).v2")))).dataSourceLinks())
                .containsExactly(new OpenMetadataDataSourceLink("dwh", "Snowflake Prod (EU).v2"));
    }

    @Test
    void noBodyIsA400() {
        assertThat(invalid(null).getMessage()).isEqualTo("The request body must be a JSON object");
    }

    private String urlError(String url) {
        return invalid(new OpenMetadataIntegrationRequest(url, TOKEN, null)).errors().get(0).detail();
    }

    private String tokenError(String token) {
        return invalid(new OpenMetadataIntegrationRequest("https://om.example.com", token, null)).errors().get(0)
                .detail();
    }

    private String linkError(String serviceName) {
        return invalid(new OpenMetadataIntegrationRequest("https://om.example.com", TOKEN,
                List.of(new OpenMetadataDataSourceLink("dwh", serviceName)))).errors().get(0).detail();
    }

    private ProblemException invalid(OpenMetadataIntegrationRequest request) {
        return invalid(integrations, request);
    }

    private static ProblemException invalid(OpenMetadataIntegrations integrations,
            OpenMetadataIntegrationRequest request) {
        return catchThrowableOfType(() -> integrations.validate(request), ProblemException.class);
    }

    private static OpenMetadataProperties properties(boolean allowHttp) {
        return new OpenMetadataProperties(allowHttp, null, null, 0, 0, null, null, 0);
    }
}
