package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OpenAPI document at /api-doc describes exactly the implemented REST operations, with their errors and their
 * authentication, names the server it was asked from, and passes Redocly's linter under its recommended rules.
 */
class OpenApiDocumentTest extends ApiTestSupport {

    /** Redocly's command line, pinned; npx fetches it from the npm registry on first use (.ci/run does it first). */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Autowired
    CamelContext camelContext;

    @Test
    void theDocumentCoversEveryImplementedOperationAndNothingElse() {
        Answer answer = get("/api-doc", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode doc = answer.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");

        Set<String> implemented = new TreeSet<>();
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() + (verb.getPath() == null ? "" : verb.getPath())).replace("//", "/");
                implemented.add(verb.asVerb().toLowerCase(Locale.ROOT) + " " + path);
            }
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + path.getKey())));

        assertThat(implemented).isNotEmpty();
        assertThat(documented).isEqualTo(implemented);
    }

    @Test
    void everyOperationDocumentsItsAuthenticationErrorsAsProblems() {
        JsonNode paths = get("/api-doc", null).json().get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            String where = operation.getKey() + " " + path.getKey();
            assertThat(responses.has("200")).as(where).isTrue();
            for (String status : new String[] {"400", "401", "403"}) {
                assertThat(responses.has(status)).as(where + " " + status).isTrue();
                assertThat(responses.get(status).toString()).as(where + " " + status).contains("Problem");
            }
        }));
    }

    @Test
    void theIntegrationBodyIsDescribedWithItsDocumentedFieldNames() {
        JsonNode doc = get("/api-doc", null).json();
        JsonNode schemas = doc.at("/components/schemas");
        assertThat(schemas.toString())
                .contains("\"url\"").contains("\"user_id\"").contains("\"refresh_api_token\"");
    }

    @Test
    void eachIntegrationShowsItsQualitySettingsInBodyAndAnswer() {
        JsonNode schemas = get("/api-doc", null).json().at("/components/schemas");
        for (String type : List.of("AlationIntegrationRequest", "AlationIntegrationSettings")) {
            JsonNode properties = qualityProperties(schemas, type);
            assertThat(properties.path("push").path("type").asText()).as(type).isEqualTo("boolean");
            assertThat(properties.path("trust_flags").path("type").asText()).as(type).isEqualTo("boolean");
            assertThat(properties.path("rich_text_field_id").path("type").asText()).as(type).isEqualTo("integer");
            assertThat(properties.size()).as(type + ": " + properties).isEqualTo(3);
        }
        for (String type : List.of("OpenMetadataIntegrationRequest", "OpenMetadataIntegrationSettings")) {
            JsonNode properties = qualityProperties(schemas, type);
            assertThat(properties.path("push").path("type").asText()).as(type).isEqualTo("boolean");
            assertThat(properties.size()).as(type + ": " + properties).isEqualTo(1);
        }
    }

    /** The properties of the model that a model's {@code quality} property refers to. */
    private static JsonNode qualityProperties(JsonNode schemas, String type) {
        JsonNode quality = schemas.at("/" + type + "/properties/quality");
        assertThat(quality.isMissingNode()).as(type + " has quality: " + schemas.get(type)).isFalse();
        String ref = quality.path("$ref").asText();
        assertThat(ref).as(type).startsWith("#/components/schemas/");
        return schemas.at("/" + ref.substring("#/components/schemas/".length()) + "/properties");
    }

    @Test
    void everyOperationRequiresTheBearerApiKey() {
        JsonNode doc = get("/api-doc", null).json();
        JsonNode scheme = doc.at("/components/securitySchemes/apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        boolean everywhere = doc.path("security").toString().contains("\"apiKey\"");
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                assertThat(everywhere || operation.getValue().path("security").toString().contains("\"apiKey\""))
                        .as(operation.getKey() + " " + path.getKey()).isTrue()));
        // what the document declares is what the service enforces
        assertThat(get("/acme/assets", null).status()).isEqualTo(401);
        assertThat(get("/acme/assets", ALL_TENANTS_KEY).status()).isEqualTo(200);
    }

    @Test
    void theDocumentHasALicenseAndNamesTheServerItWasAskedFrom() throws Exception {
        JsonNode doc = get("/api-doc", null).json();
        assertThat(doc.at("/info/license/name").asText()).isEqualTo("Apache-2.0");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://localhost:" + port);

        JsonNode proxied = objectMapper.readTree(documentAsAProxyForwardsIt());
        assertThat(proxied.get("servers").size()).isEqualTo(1);
        assertThat(proxied.at("/servers/0/url").asText()).isEqualTo("https://bridge.acme.internal/catalog-bridge");
    }

    @Test
    void theDocumentPassesRedoclysRecommendedRules() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "openapi")).resolve("api-doc.json");
        Files.writeString(file, documentAsAProxyForwardsIt());
        ProcessBuilder lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "--format=json", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = lint.start();
        } catch (IOException e) {
            throw new AssertionError("Linting the OpenAPI document needs Node.js with npx on the PATH", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();
        // the JSON report starts at the first brace (npx may print notices before it)
        JsonNode report = objectMapper.readTree(output.substring(Math.max(0, output.indexOf('{'))));
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(problem -> problems.add(problem.path("severity").asText() + " "
                + problem.path("ruleId").asText() + ": " + problem.path("message").asText()));
        assertThat(report.at("/totals/errors").isNumber()).as(output).isTrue();
        assertThat(problems).isEmpty();
        assertThat(report.at("/totals/errors").asInt()).isZero();
        assertThat(report.at("/totals/warnings").asInt()).isZero();
    }

    /** The document as a client behind a TLS-terminating proxy gets it (localhost as a server is itself a warning). */
    private String documentAsAProxyForwardsIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api-doc"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bridge.acme.internal")
                .header("X-Forwarded-Prefix", "/catalog-bridge")
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
