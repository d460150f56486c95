package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManualMappingApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/mappings/alation";

    @BeforeEach
    void registerAssetsAndIntegration() {
        AlationCatalogStubs.stubCatalog(alation);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "35xftecujtsjd", "schema": "SalesLT", "table": "CustomerAddress"},
                 {"asset_id": "b", "schema": "public", "table": "orders"}]""").status()).isEqualTo(200);
    }

    private void configureIntegration() {
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
    }

    private Answer post(String body) {
        return call("POST", PATH, ALL_TENANTS_KEY, "application/json", body);
    }

    @Test
    void aManualMappingIsLookedUpInAlationStoredListedReplacedAndDeleted() {
        configureIntegration();
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("6121"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 6121, \"name\": \"CustomerAddress\", \"ds_id\": 251,"
                        + " \"schema_id\": 46, \"schema_name\": \"adventureworks.SalesLT\"}]")));

        Answer created = post("{\"asset_id\": \"35xftecujtsjd\", \"alation_table_id\": 6121}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"asset_id\":\"35xftecujtsjd\",\"data_source_id\":251,"
                + "\"data_source_name\":\"actian_datasource\",\"schema_id\":46,\"schema_name\":\"adventureworks.SalesLT\","
                + "\"table_id\":6121,\"table_name\":\"CustomerAddress\"}");
        alation.verify(getRequestedFor(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("6121")));
        assertThat(jdbc.queryForMap("SELECT data_source_id, data_source_name, schema_id, schema_name, table_id, table_name"
                + " FROM alation_mapping WHERE tenant_id = 'acme' AND asset_id = '35xftecujtsjd'")).isEqualTo(Map.of(
                "data_source_id", 251L, "data_source_name", "actian_datasource", "schema_id", 46L,
                "schema_name", "adventureworks.SalesLT", "table_id", 6121L, "table_name", "CustomerAddress"));

        // a second manual mapping of the asset replaces the first
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("100"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1,"
                        + " \"schema_id\": 10, \"schema_name\": \"public\"}]")));
        assertThat(post("{\"asset_id\": \"35xftecujtsjd\", \"alation_table_id\": 100}").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT table_id FROM alation_mapping WHERE asset_id = '35xftecujtsjd'", Long.class))
                .isEqualTo(100L);

        Answer list = get(PATH, ALL_TENANTS_KEY);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("data_source_name").asText()).isEqualTo("Sales PG");

        assertThat(delete(PATH + "?asset_id=35xftecujtsjd", ALL_TENANTS_KEY).json().get("message").asText())
                .isEqualTo("Alation mapping deleted successfully");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping", Integer.class)).isZero();
        assertThat(delete(PATH + "?asset_id=35xftecujtsjd", ALL_TENANTS_KEY).status()).isEqualTo(404);
    }

    @Test
    void anUnregisteredAssetIs404() {
        configureIntegration();
        Answer answer = post("{\"asset_id\": \"ghost\", \"alation_table_id\": 6121}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).contains("ghost");
        assertThat(alation.findAll(getRequestedFor(urlPathEqualTo(AlationCatalogStubs.TABLES)))).isEmpty();
    }

    @Test
    void withoutAnIntegrationIs409() {
        Answer answer = post("{\"asset_id\": \"b\", \"alation_table_id\": 6121}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("No Alation integration");
    }

    @Test
    void aTableAlationDoesNotHaveIs404NamingTheId() {
        configureIntegration();
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("999"))
                .willReturn(AlationCatalogStubs.json("[]")));

        Answer answer = post("{\"asset_id\": \"b\", \"alation_table_id\": 999}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).isEqualTo("Alation has no table with id 999");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping", Integer.class)).isZero();
    }

    @Test
    void invalidBodiesAre400() {
        configureIntegration();
        Answer answer = post("{\"asset_id\": \"\", \"alation_table_id\": -4}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("asset_id", "alation_table_id");
        assertThat(post("{\"asset_id\": \"b\", \"alation_table_id\": \"x\"}").status()).isEqualTo(400);
        assertThat(post("[").status()).isEqualTo(400);
        assertThat(delete(PATH, ALL_TENANTS_KEY).status()).isEqualTo(400);
    }

    @Test
    void removingAnAssetRemovesItsMapping() {
        configureIntegration();
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("100"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1,"
                        + " \"schema_id\": 10, \"schema_name\": \"public\"}]")));
        assertThat(post("{\"asset_id\": \"b\", \"alation_table_id\": 100}").status()).isEqualTo(200);

        assertThat(delete("/acme/assets?asset_id=b", ALL_TENANTS_KEY).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping", Integer.class)).isZero();
    }

    @Test
    void aTableAlationAnswersWithoutWhatAMappingNeedsIs502NamingIt() {
        configureIntegration();
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("93"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 93, \"name\": \"orders\", \"ds_id\": 1,"
                        + " \"schema_name\": \"public\"}]")));

        Answer answer = post("{\"asset_id\": \"b\", \"alation_table_id\": 93}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isEqualTo("Alation answered GET /integration/v2/table/ with"
                + " table 93 in a shape that cannot be mapped: no schema_id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping", Integer.class)).isZero();
    }

    @Test
    void aTableWhoseFieldsTheMappingDoesNotNeedAreOddStillMaps() {
        configureIntegration();
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).withQueryParam("id", WireMock.equalTo("100"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1,"
                        + " \"schema_id\": 10, \"schema_name\": \"public\", \"table_type\": 3,"
                        + " \"key\": {\"parts\": [1]}, \"title\": false, \"custom_fields\": \"none\"}]")));

        Answer answer = post("{\"asset_id\": \"b\", \"alation_table_id\": 100}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"asset_id\":\"b\",\"data_source_id\":1,\"data_source_name\":\"Sales PG\","
                + "\"schema_id\":10,\"schema_name\":\"public\",\"table_id\":100,\"table_name\":\"orders\"}");
    }
}
