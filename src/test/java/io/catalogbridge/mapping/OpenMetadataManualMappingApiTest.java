package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.JWT;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.headersOf;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.openmetadata.OpenMetadataStubs;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST, GET and DELETE /{tenant}/configuration/mappings/openmetadata, with WireMock as OpenMetadata. */
class OpenMetadataManualMappingApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/mappings/openmetadata";
    private static final String ORDERS_ID = "8f6f2a4e-6c1b-4c1e-9d55-1a2b3c4d5e6f";
    private static final String LEDGER_ID = "1c9e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String LEDGER_FQN = "pg_prod.sales.public.\"fin.ledger\"";
    /** The FQN as one path segment: its quotes percent-encoded, its dots as they are. */
    private static final String LEDGER_BY_NAME = "/api/v1/tables/name/pg_prod.sales.public.%22fin.ledger%22";

    @RegisterExtension
    static final WireMockExtension openmetadata = OpenMetadataStubs.server();

    @BeforeEach
    void registerAssets() {
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "orders", "schema": "public", "table": "orders"},
                 {"asset_id": "ledger", "schema": "public", "table": "fin.ledger"},
                 {"asset_id": "accounts", "schema": "public", "table": "accounts"}]""").status()).isEqualTo(200);
    }

    private void configureIntegration() {
        assertThat(putJson("/acme/configuration/integrations/openmetadata?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + openmetadata.baseUrl() + "\", \"jwt_token\": \"" + JWT + "\"}").status())
                .isEqualTo(200);
    }

    /** A table as GET /v1/tables/{id} answers it (fields the bridge ignores included). */
    private static String table(String id, String schema, String name, String fqn, boolean deleted) {
        return """
                {"id": "%s", "name": "%s", "fullyQualifiedName": "%s", "tableType": "Regular",
                 "columns": [{"name": "id", "dataType": "BIGINT"}], "owners": [], "version": 0.1,
                 "databaseSchema": {"id": "a8b9f9a5-4133-42d2-92a0-2b31b3721304", "type": "databaseSchema",
                                    "name": "%s", "fullyQualifiedName": "pg_prod.sales.%s"},
                 "database": {"id": "840a025d-83a3-475f-abac-353367d9d348", "type": "database", "name": "sales",
                              "fullyQualifiedName": "pg_prod.sales"},
                 "service": {"id": "182857f4-b11f-4d12-a9c2-ab3ba0c4635c", "type": "databaseService",
                             "name": "pg_prod", "fullyQualifiedName": "pg_prod"},
                 "serviceType": "Postgres", "deleted": %s}"""
                .formatted(id, name, fqn.replace("\"", "\\\""), schema, schema, deleted);
    }

    private void stubTableById(String id, String name) {
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + id))
                .willReturn(json(200, table(id, "public", name, "pg_prod.sales.public." + name, false))));
    }

    private Answer post(String body) {
        return call("POST", PATH, ALL_TENANTS_KEY, "application/json", body);
    }

    private int mappingCount() {
        return jdbc.queryForObject("SELECT count(*) FROM openmetadata_mapping", Integer.class);
    }

    @Test
    void aMappingByIdIsLookedUpStoredListedReplacedAndDeleted() {
        configureIntegration();
        stubTableById(ORDERS_ID, "orders");

        Answer created = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"asset_id\":\"orders\",\"service_name\":\"pg_prod\","
                + "\"database_name\":\"sales\",\"schema_name\":\"public\",\"table_id\":\"" + ORDERS_ID + "\","
                + "\"table_name\":\"orders\",\"table_fqn\":\"pg_prod.sales.public.orders\"}");
        // OpenMetadata got the JWT as a bearer token and nothing of the caller's request
        var requests = openmetadata.findAll(getRequestedFor(urlEqualTo("/api/v1/tables/" + ORDERS_ID)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + JWT);
        assertThat(headersOf(requests.get(0))).doesNotContain(ALL_TENANTS_KEY).doesNotContain("orders");
        assertThat(jdbc.queryForMap("SELECT service_name, database_name, schema_name, table_id, table_name, table_fqn"
                + " FROM openmetadata_mapping WHERE tenant_id = 'acme' AND asset_id = 'orders'")).isEqualTo(Map.of(
                "service_name", "pg_prod", "database_name", "sales", "schema_name", "public",
                "table_id", UUID.fromString(ORDERS_ID), "table_name", "orders",
                "table_fqn", "pg_prod.sales.public.orders"));

        // a second manual mapping of the asset replaces the first
        String otherId = UUID.randomUUID().toString();
        stubTableById(otherId, "orders_v2");
        assertThat(post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + otherId + "\"}").status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT table_id FROM openmetadata_mapping WHERE asset_id = 'orders'",
                UUID.class)).isEqualTo(UUID.fromString(otherId));

        Answer list = get(PATH, ALL_TENANTS_KEY);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[{\"asset_id\":\"orders\",\"service_name\":\"pg_prod\","
                + "\"database_name\":\"sales\",\"schema_name\":\"public\",\"table_id\":\"" + otherId + "\","
                + "\"table_name\":\"orders_v2\",\"table_fqn\":\"pg_prod.sales.public.orders_v2\"}]");

        Answer deleted = delete(PATH + "?asset_id=orders", ALL_TENANTS_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"OpenMetadata mapping deleted successfully\"}");
        assertThat(mappingCount()).isZero();
        Answer again = delete(PATH + "?asset_id=orders", ALL_TENANTS_KEY);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asText()).isEqualTo("Asset orders of tenant acme has no OpenMetadata mapping");
    }

    @Test
    void aMappingByADottedQuotedFqnAsksForItUrlEncodedInExactCase() {
        configureIntegration();
        openmetadata.stubFor(WireMock.get(urlEqualTo(LEDGER_BY_NAME)).willReturn(json(200,
                table(LEDGER_ID, "public", "fin.ledger", LEDGER_FQN, false))));

        Answer created = post("{\"asset_id\": \"ledger\", \"table_fqn\": \"pg_prod.sales.public.\\\"fin.ledger\\\"\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("table_fqn").asText()).isEqualTo(LEDGER_FQN);
        assertThat(created.json().get("table_name").asText()).isEqualTo("fin.ledger");
        assertThat(created.json().get("table_id").asText()).isEqualTo(LEDGER_ID);
        openmetadata.verify(1, getRequestedFor(urlEqualTo(LEDGER_BY_NAME)));
        assertThat(jdbc.queryForObject("SELECT table_fqn FROM openmetadata_mapping WHERE asset_id = 'ledger'",
                String.class)).isEqualTo(LEDGER_FQN);
    }

    @Test
    void theListIsOrderedByAssetIdAndShowsOnlyTheTenantsOpenMetadataMappings() {
        configureIntegration();
        stubTableById(ORDERS_ID, "orders");
        openmetadata.stubFor(WireMock.get(urlEqualTo(LEDGER_BY_NAME)).willReturn(json(200,
                table(LEDGER_ID, "public", "fin.ledger", LEDGER_FQN, false))));
        String accountsId = UUID.randomUUID().toString();
        stubTableById(accountsId, "accounts");
        assertThat(post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}").status())
                .isEqualTo(200);
        assertThat(post("{\"asset_id\": \"ledger\", \"table_fqn\": \"pg_prod.sales.public.\\\"fin.ledger\\\"\"}")
                .status()).isEqualTo(200);
        assertThat(post("{\"asset_id\": \"accounts\", \"openmetadata_table_id\": \"" + accountsId + "\"}").status())
                .isEqualTo(200);

        Answer list = get(PATH, ALL_TENANTS_KEY);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("asset_id")).containsExactly("accounts", "ledger", "orders");
        assertThat(list.json().get(1).toString()).isEqualTo("{\"asset_id\":\"ledger\",\"service_name\":\"pg_prod\","
                + "\"database_name\":\"sales\",\"schema_name\":\"public\",\"table_id\":\"" + LEDGER_ID + "\","
                + "\"table_name\":\"fin.ledger\",\"table_fqn\":\"pg_prod.sales.public.\\\"fin.ledger\\\"\"}");
        assertThat(get("/globex/configuration/mappings/openmetadata", ALL_TENANTS_KEY).body()).isEqualTo("[]");
    }

    @Test
    void anAssetMappedInBothCatalogsIsListedByEachInItsOwnShape() {
        AlationCatalogStubs.stubCatalog(alation);
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES))
                .withQueryParam("id", WireMock.equalTo("100"))
                .willReturn(AlationCatalogStubs.json("[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1,"
                        + " \"schema_id\": 10, \"schema_name\": \"public\"}]")));
        configureIntegration();
        stubTableById(ORDERS_ID, "orders");

        assertThat(call("POST", "/acme/configuration/mappings/alation", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"orders\", \"alation_table_id\": 100}").status()).isEqualTo(200);
        assertThat(post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}").status())
                .isEqualTo(200);

        assertThat(get("/acme/configuration/mappings/alation", ALL_TENANTS_KEY).body()).isEqualTo(
                "[{\"asset_id\":\"orders\",\"data_source_id\":1,\"data_source_name\":\"Sales PG\",\"schema_id\":10,"
                        + "\"schema_name\":\"public\",\"table_id\":100,\"table_name\":\"orders\"}]");
        assertThat(get(PATH, ALL_TENANTS_KEY).body()).isEqualTo("[{\"asset_id\":\"orders\",\"service_name\":\"pg_prod\","
                + "\"database_name\":\"sales\",\"schema_name\":\"public\",\"table_id\":\"" + ORDERS_ID + "\","
                + "\"table_name\":\"orders\",\"table_fqn\":\"pg_prod.sales.public.orders\"}]");

        // removing one catalog's mapping leaves the other's
        assertThat(delete(PATH + "?asset_id=orders", ALL_TENANTS_KEY).status()).isEqualTo(200);
        assertThat(get("/acme/configuration/mappings/alation", ALL_TENANTS_KEY).json()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping WHERE asset_id = 'orders'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anUnregisteredAssetIs404BeforeOpenMetadataIsAsked() {
        configureIntegration();

        Answer answer = post("{\"asset_id\": \"ghost\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).isEqualTo("Tenant acme has no asset ghost");
        assertThat(openmetadata.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAnIntegrationIs409() {
        Answer answer = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText())
                .isEqualTo("No OpenMetadata integration is configured for tenant acme");
    }

    @Test
    void aTableOpenMetadataDoesNotHaveIs404NamingItAndNothingIsStored() {
        configureIntegration();
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + ORDERS_ID)).willReturn(json(404,
                "{\"code\": 404, \"message\": \"table instance for " + ORDERS_ID + " not found\"}")));
        openmetadata.stubFor(WireMock.get(urlEqualTo(LEDGER_BY_NAME)).willReturn(json(404,
                "{\"code\": 404, \"message\": \"table instance for " + LEDGER_FQN + " not found\"}")));

        Answer byId = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");
        Answer byFqn = post("{\"asset_id\": \"ledger\", \"table_fqn\": \"pg_prod.sales.public.\\\"fin.ledger\\\"\"}");

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.json().get("detail").asText()).isEqualTo("OpenMetadata has no table " + ORDERS_ID);
        assertThat(byFqn.status()).isEqualTo(404);
        assertThat(byFqn.json().get("detail").asText()).isEqualTo("OpenMetadata has no table \"" + LEDGER_FQN + "\"");
        // a 404 is an answer, not a failure to retry
        openmetadata.verify(1, getRequestedFor(urlEqualTo("/api/v1/tables/" + ORDERS_ID)));
        assertThat(mappingCount()).isZero();
    }

    @Test
    void aSoftDeletedTableIs404() {
        configureIntegration();
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + ORDERS_ID)).willReturn(json(200,
                table(ORDERS_ID, "public", "orders", "pg_prod.sales.public.orders", true))));

        Answer answer = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText())
                .isEqualTo("OpenMetadata's table " + ORDERS_ID + " is soft-deleted and cannot be mapped");
        assertThat(mappingCount()).isZero();
    }

    @Test
    void anAnswerAMappingCannotBeMadeOfIs502NamingWhatItLacks() {
        configureIntegration();
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + ORDERS_ID)).willReturn(json(200,
                "{\"id\": \"" + ORDERS_ID + "\", \"name\": \"orders\", \"fullyQualifiedName\": \"pg_prod.sales.public.orders\","
                        + " \"service\": {\"name\": \"pg_prod\"}, \"database\": {\"name\": \"sales\"}}")));
        String otherId = UUID.randomUUID().toString();
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + otherId))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>Sign in</html>")));

        Answer lacking = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");
        Answer html = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + otherId + "\"}");

        assertThat(lacking.status()).isEqualTo(502);
        assertThat(lacking.json().get("detail").asText()).isEqualTo("OpenMetadata answered table " + ORDERS_ID
                + " in a shape that cannot be mapped: no databaseSchema.name");
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.json().get("detail").asText())
                .isEqualTo("OpenMetadata's answer to GET /v1/tables/{id} is not JSON but 'text/html'");
        assertThat(mappingCount()).isZero();
    }

    @Test
    void aStoredTokenOpenMetadataRefusesIs502SayingToUpdateTheIntegration() {
        configureIntegration();
        openmetadata.stubFor(WireMock.get(urlEqualTo("/api/v1/tables/" + ORDERS_ID))
                .willReturn(json(401, "{\"code\": 401, \"message\": \"Expired token!\"}")));

        Answer answer = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("detail").asText())
                .startsWith("OpenMetadata refused the stored token on GET /v1/tables/{id} (HTTP 401: Expired token!)")
                .contains("update the OpenMetadata integration");
        // nothing is minted in OpenMetadata: a refusal is final
        openmetadata.verify(1, getRequestedFor(urlEqualTo("/api/v1/tables/" + ORDERS_ID)));
    }

    @Test
    void invalidBodiesAre400NamingTheFieldsAndAskNothing() {
        configureIntegration();

        Answer badUuid = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"1-2-3-4-5\"}");
        Answer both = post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID
                + "\", \"table_fqn\": \"pg_prod.sales.public.orders\"}");
        Answer neither = post("{\"asset_id\": \"\"}");

        assertThat(badUuid.status()).isEqualTo(400);
        assertThat(badUuid.json().get("errors").findValuesAsText("field")).containsExactly("openmetadata_table_id");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsText("field")).containsExactly("table_fqn");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("errors").findValuesAsText("field"))
                .containsExactly("asset_id", "openmetadata_table_id");
        assertThat(post("[").status()).isEqualTo(400);
        assertThat(delete(PATH, ALL_TENANTS_KEY).status()).isEqualTo(400);
        assertThat(openmetadata.getAllServeEvents()).isEmpty();
        assertThat(mappingCount()).isZero();
    }

    @Test
    void removingAnAssetRemovesItsOpenMetadataMapping() {
        configureIntegration();
        stubTableById(ORDERS_ID, "orders");
        assertThat(post("{\"asset_id\": \"orders\", \"openmetadata_table_id\": \"" + ORDERS_ID + "\"}").status())
                .isEqualTo(200);

        assertThat(delete("/acme/assets?asset_id=orders", ALL_TENANTS_KEY).status()).isEqualTo(200);

        assertThat(mappingCount()).isZero();
    }
}
