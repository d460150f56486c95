package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * A small Alation catalog in WireMock for the mapping tests. Three data sources: a native PostgreSQL ("Sales PG",
 * id 1), a second native PostgreSQL ("Analytics PG", id 2) and a SQL Server connector ("actian_datasource", id 251,
 * multipart schemas). Every table listing answers the whole catalog, whatever its filters: the matcher must pick.
 */
final class AlationCatalogStubs {

    static final String TABLES = "/integration/v2/table/";

    static final String CATALOG = """
            [{"id": 6121, "name": "CustomerAddress", "ds_id": 251, "schema_id": 46, "schema_name": "adventureworks.SalesLT", "table_type": "TABLE"},
             {"id": 6122, "name": "Customer", "ds_id": 251, "schema_id": 46, "schema_name": "adventureworks.SalesLT", "table_type": "TABLE"},
             {"id": 100, "name": "orders", "ds_id": 1, "schema_id": 10, "schema_name": "public", "table_type": "TABLE"},
             {"id": 102, "name": "orders", "ds_id": 2, "schema_id": 20, "schema_name": "public", "table_type": "TABLE"},
             {"id": 300, "name": "events", "ds_id": 1, "schema_id": 10, "schema_name": "public", "table_type": "TABLE"},
             {"id": 301, "name": "events", "ds_id": 2, "schema_id": 20, "schema_name": "public", "table_type": "VIEW"}]""";

    private AlationCatalogStubs() {
    }

    static void stubCatalog(WireMockExtension alation) {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"access-1\", \"user_id\": 81,"
                        + " \"token_expires_at\": \"2099-01-01T00:00:00.000000Z\", \"token_status\": \"ACTIVE\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(json("""
                [{"id": 1, "dbtype": "postgresql", "host": "pg.example.com", "port": 5432, "dbname": "sales", "title": "Sales PG"},
                 {"id": 2, "dbtype": "postgresql", "host": "pg2.example.com", "port": 5432, "dbname": "analytics", "title": "Analytics PG"}]""")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(json("""
                [{"id": 251, "uri": "sqlserver://mssql.example.com:1433;databaseName=adventureworks", "title": "actian_datasource"}]""")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(json(CATALOG)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
