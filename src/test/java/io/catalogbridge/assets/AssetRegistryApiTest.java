package io.catalogbridge.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssetRegistryApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/assets";

    private int count(String tenant) {
        return jdbc.queryForObject("SELECT count(*) FROM asset WHERE tenant_id = ?", Integer.class, tenant);
    }

    @Test
    void assetsAreUpsertedListedInOrderAndDeleted() {
        Answer put = putJson(PATH, ALL_TENANTS_KEY, """
                [{"asset_id": "b2", "schema": "public", "table": "orders"},
                 {"asset_id": "a1", "data_source_name": "dwh_prod", "data_source_type": "sqlserver",
                  "host": "mssql.example.com", "port": 1433, "database": "adventureworks",
                  "schema": "SalesLT", "table": "Customer"}]""");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("upserted").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT * FROM asset WHERE asset_id = 'a1'"))
                .containsEntry("tenant_id", "acme").containsEntry("data_source_type", "sqlserver")
                .containsEntry("port", 1433).containsEntry("database_name", "adventureworks")
                .containsEntry("schema_name", "SalesLT").containsEntry("table_name", "Customer");

        Answer list = get(PATH, ALL_TENANTS_KEY);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("asset_id")).containsExactly("a1", "b2");
        assertThat(list.json().get(0).get("database").asText()).isEqualTo("adventureworks");
        assertThat(list.json().get(0).get("schema").asText()).isEqualTo("SalesLT");
        assertThat(list.json().get(0).get("table").asText()).isEqualTo("Customer");

        Answer page = get(PATH + "?limit=1&offset=1", ALL_TENANTS_KEY);
        assertThat(page.json().findValuesAsText("asset_id")).containsExactly("b2");

        // an upsert replaces the asset's fields
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "[{\"asset_id\": \"b2\", \"schema\": \"sales\", \"table\": \"orders\"}]")
                .status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT schema_name FROM asset WHERE asset_id = 'b2'", String.class))
                .isEqualTo("sales");

        Answer deleted = delete(PATH + "?asset_id=a1", ALL_TENANTS_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isEqualTo("Asset deleted successfully");
        assertThat(count("acme")).isEqualTo(1);
        assertThat(delete(PATH + "?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(404);
    }

    @Test
    void invalidAssetsAre400NamingEachAndNothingIsWritten() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY, """
                [{"asset_id": "ok", "schema": "s", "table": "t"},
                 {"schema": "s"},
                 {"asset_id": "ok", "schema": "s", "table": "t", "port": 70000}]""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("[1].asset_id", "[1].table", "[2].port", "[2].asset_id");
        assertThat(count("acme")).isZero();
    }

    @Test
    void badBodiesAndParametersAre400() {
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "{\"asset_id\": \"x\"}").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "[{\"asset_id\": \"x\", ").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "[{\"asset_id\": \"x\", \"schema\": \"s\", \"table\": \"t\","
                + " \"port\": \"http\"}]").status()).isEqualTo(400);
        Answer limit = get(PATH + "?limit=0", ALL_TENANTS_KEY);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(get(PATH + "?offset=-1", ALL_TENANTS_KEY).status()).isEqualTo(400);
        assertThat(delete(PATH, ALL_TENANTS_KEY).status()).isEqualTo(400);
        assertThat(count("acme")).isZero();
    }

    @Test
    void aLargeUploadIsWrittenInBatches() {
        String body = IntStream.range(0, 25_000)
                .mapToObj(i -> "{\"asset_id\": \"asset-" + i + "\", \"schema\": \"s" + (i % 10) + "\", \"table\": \"t" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("upserted").asInt()).isEqualTo(25_000);
        assertThat(count("acme")).isEqualTo(25_000);
        assertThat(jdbc.queryForMap("SELECT schema_name, table_name FROM asset WHERE asset_id = 'asset-24999'"))
                .isEqualTo(Map.of("schema_name", "s9", "table_name", "t24999"));
    }

    @Test
    void tenantsDoNotSeeEachOthersAssets() {
        putJson("/globex/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"g1\", \"schema\": \"s\", \"table\": \"t\"}]");

        assertThat(get(PATH, ACME_ONLY_KEY).json()).isEmpty();
        assertThat(delete(PATH + "?asset_id=g1", ACME_ONLY_KEY).status()).isEqualTo(404);
        assertThat(count("globex")).isEqualTo(1);
    }
}
