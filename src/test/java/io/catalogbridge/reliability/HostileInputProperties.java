package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.CatalogBridgeApplication;
import io.catalogbridge.ServiceClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against every endpoint, generated: malformed and truncated JSON, wrong types, missing and extra
 * fields, very long strings, Unicode, SQL metacharacters, path tricks in tenants and ids. Every answer is a 4xx
 * problem+json (never a 500), and nothing in PostgreSQL changes.
 */
class HostileInputProperties {

    private static final String KEY = "hostile-input-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("alation_integration", "alation_data_source_link", "asset",
            "alation_mapping", "mapping_job", "mapping_job_asset", "scheduled_tasks");

    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static int port;

    @BeforeContainer
    static void startService() throws Exception {
        Path dir = Files.createTempDirectory("hostile-input");
        service = new SpringApplicationBuilder(CatalogBridgeApplication.class).run(
                "--server.port=0",
                "--catalog-bridge.embedded-database.data-directory=" + dir.resolve("postgres"),
                "--catalog-bridge.encryption.key-file=" + dir.resolve("encryption.key"),
                "--catalog-bridge.security.admin-key=" + KEY,
                "--logging.level.root=WARN");
        port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
        jdbc = service.getBean(JdbcTemplate.class);
        // something to change, should a request get through: acme has an integration, an asset and a mapping
        send("PUT", "/acme/configuration/integrations/alation?validate=false", "application/json",
                "{\"url\": \"https://alation.example.com\", \"user_id\": 3, \"refresh_api_token\": \"t\"}");
        send("PUT", "/acme/assets", "application/json", "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]");
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a1', 1, 'ds', 2, 's', 3, 't')");
    }

    @AfterContainer
    static void stopService() {
        service.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        return new ServiceClient(port, KEY).call(method, path, contentType, body);
    }

    private static String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(jdbc.queryForObject("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '') FROM "
                    + table + " t", String.class)).append('|');
        }
        return all.toString();
    }

    private static void assertRefusedAndNothingChanged(String method, String path, String contentType, String body)
            throws Exception {
        String before = fingerprint();
        HttpResponse<String> answer = send(method, path, contentType, body);
        String what = method + " " + path + " " + (body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
        assertThat(answer.statusCode()).as(what).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("status").asInt()).as(what).isEqualTo(answer.statusCode());
        assertThat(fingerprint()).as(what).isEqualTo(before);
    }

    // --- generators --------------------------------------------------------------------------------------------

    private static Arbitrary<String> nastyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').withChars("\u00e9\u4e2d\ud83d\ude00").ofMaxLength(30),
                Arbitraries.of("'; DROP TABLE asset; --", "\" OR 1=1 --", "%", "\\u0000", "../../etc/passwd",
                        "${jndi:ldap://x}", "#{1+1}", ":#tenant", "<script>", "NULL", ""),
                Arbitraries.strings().alpha().ofLength(5_000));
    }

    private static Arbitrary<Object> wrongTypedValues() {
        return Arbitraries.oneOf(nastyStrings().map(s -> (Object) s), Arbitraries.of(true, false, -1, 0, 1.5,
                Long.MIN_VALUE, List.of(), Map.of("x", 1)).map(v -> (Object) v), Arbitraries.just(null));
    }

    /** A JSON text that is not quite JSON: cut short, or random characters. */
    private static Arbitrary<String> brokenJson(Arbitrary<String> valid) {
        return Arbitraries.oneOf(
                Combinators.combine(valid, Arbitraries.doubles().between(0, 0.99))
                        .as((text, cut) -> text.substring(0, (int) (text.length() * cut))),
                nastyStrings());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> integrationBodies() {
        Arbitrary<Object> badUrl = Arbitraries.oneOf(wrongTypedValues(), Arbitraries.of("http://alation.example.com",
                "https://169.254.169.254/", "https://[fe80::1]/", "ftp://a.example", "https://user:pw@a.example",
                "javascript:alert(1)", "https://a.example/?q=1").map(v -> (Object) v));
        Arbitrary<Object> badUser = wrongTypedValues();
        Arbitrary<Object> badToken = Arbitraries.oneOf(Arbitraries.strings().alpha().ofLength(4_097).map(v -> (Object) v),
                Arbitraries.of("", "   ").map(v -> (Object) v), Arbitraries.of(1, true, List.of()).map(v -> (Object) v),
                Arbitraries.just(null));
        Arbitrary<String> objects = Combinators.combine(badUrl, badUser, badToken, Arbitraries.integers().between(1, 7),
                Arbitraries.maps(nastyStrings(), wrongTypedValues()).ofMaxSize(2)).as((url, user, token, which, extra) -> {
                    // at least one field is bad; the others may be good
                    Map<String, Object> body = new LinkedHashMap<>(extra);
                    body.put("url", (which & 1) != 0 ? url : "https://alation.example.com");
                    body.put("user_id", (which & 2) != 0 ? user : 5);
                    body.put("refresh_api_token", (which & 4) != 0 ? token : "refresh");
                    if (which == 7 && url == null) {
                        body.remove("url");
                    }
                    return json(body);
                });
        return Arbitraries.oneOf(objects, brokenJson(objects));
    }

    @Provide
    Arbitrary<String> assetBodies() {
        Arbitrary<String> invalidAsset = Combinators.combine(wrongTypedValues(), wrongTypedValues(), wrongTypedValues(),
                Arbitraries.integers().between(1, 3)).as((id, schema, table, which) -> {
                    Map<String, Object> asset = new LinkedHashMap<>();
                    asset.put("asset_id", which == 1 ? null : id instanceof String s && !s.isBlank() ? s : "ok");
                    asset.put("schema", which == 2 ? schema instanceof String s && !s.isBlank() ? List.of(s) : schema : "s");
                    asset.put("table", which == 3 ? (table instanceof String s && !s.isBlank() ? 42 : table) : "t");
                    return json(List.of(Map.of("asset_id", "fine", "schema", "s", "table", "t"), asset));
                });
        return Arbitraries.oneOf(invalidAsset, brokenJson(invalidAsset), Arbitraries.of("{}", "null", "42", "\"x\""));
    }

    @Provide
    Arbitrary<String> mappingBodies() {
        Arbitrary<String> objects = Combinators.combine(wrongTypedValues(), wrongTypedValues())
                .as((asset, table) -> json(Map.of("asset_id", String.valueOf(asset), "alation_table_id",
                        table == null ? "none" : table)));
        return Arbitraries.oneOf(objects, brokenJson(objects));
    }

    @Provide
    Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(nastyStrings(), Arbitraries.of("..", ".", "%2e%2e", "a;b", "a/b", "a\\b", "-x",
                "_x", "a".repeat(65), "\u00e4bc", "acme%00", "acme?x=1", "acme#f"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Provide
    Arbitrary<String> queryValues() {
        return nastyStrings().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    }

    // --- properties ----------------------------------------------------------------------------------------------

    @Property(tries = 150)
    void hostileIntegrationBodiesAreRefused(@ForAll("integrationBodies") String body) throws Exception {
        assertRefusedAndNothingChanged("PUT", "/acme/configuration/integrations/alation", "application/json", body);
    }

    @Property(tries = 150)
    void hostileAssetUploadsAreRefused(@ForAll("assetBodies") String body) throws Exception {
        assertRefusedAndNothingChanged("PUT", "/acme/assets", "application/json", body);
    }

    @Property(tries = 100)
    void hostileManualMappingsAreRefused(@ForAll("mappingBodies") String body) throws Exception {
        // globex has no integration: a well-formed request ends in 404 (no such asset) or 409, never in Alation
        assertRefusedAndNothingChanged("POST", "/globex/configuration/mappings/alation", "application/json", body);
    }

    @Property(tries = 150)
    void hostileTenantsAreRefusedOnEveryEndpoint(@ForAll("pathSegments") String tenant,
            @ForAll("endpointsWithoutTenant") String endpoint) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{}";
        assertRefusedAndNothingChanged(parts[0], "/" + tenant + parts[1], body == null ? null : "application/json", body);
    }

    @Provide
    Arbitrary<String> endpointsWithoutTenant() {
        return Arbitraries.of("GET /configuration/integrations/alation", "PUT /configuration/integrations/alation",
                "DELETE /configuration/integrations/alation", "GET /assets?limit=x", "PUT /assets",
                "DELETE /assets", "GET /configuration/mappings/alation/auto?job_id=1",
                "POST /configuration/mappings/alation", "DELETE /configuration/mappings/alation");
    }

    @Property(tries = 150)
    void hostileIdsAndParametersAreRefused(@ForAll("queryValues") String value,
            @ForAll("endpointsWithParameter") String endpoint) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        assertRefusedAndNothingChanged(parts[0], parts[1] + value, null, null);
    }

    @Provide
    Arbitrary<String> endpointsWithParameter() {
        return Arbitraries.of("GET /acme/configuration/mappings/alation/auto?job_id=",
                "GET /acme/assets?limit=x", "GET /acme/assets?offset=-", "DELETE /globex/assets?asset_id=",
                "DELETE /globex/configuration/mappings/alation?asset_id=",
                "POST /acme/configuration/mappings/alation/auto?should_overwrite=x");
    }
}
