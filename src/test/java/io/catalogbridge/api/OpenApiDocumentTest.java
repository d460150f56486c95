package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The OpenAPI document at /api-doc describes exactly the implemented REST operations, with their errors. */
class OpenApiDocumentTest extends ApiTestSupport {

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
}
