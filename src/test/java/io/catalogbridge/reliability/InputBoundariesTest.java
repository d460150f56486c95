package io.catalogbridge.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request may carry, at the edges: characters PostgreSQL cannot store, bodies that are not UTF-8, host names
 * that cannot exist, and bodies larger than their endpoint's limit. Each is a 400 or 413 problem+json naming the field
 * or the limit, and nothing in the database changes. The service runs with its default limits.
 */
class InputBoundariesTest extends ApiTestSupport {

    private static final String INTEGRATION = "/acme/configuration/integrations/alation";
    private static final String MAPPINGS = "/acme/configuration/mappings/alation";
    private static final String ASSETS = "/acme/assets";
    private static final List<String> TABLES = List.of("alation_integration", "alation_data_source_link", "asset",
            "alation_mapping", "mapping_job", "mapping_job_asset");

    @BeforeEach
    void anIntegrationAnAssetAndAMapping() {
        assertThat(putJson(INTEGRATION + "?validate=false", ALL_TENANTS_KEY, "{\"url\": \"" + alationUrl()
                + "\", \"user_id\": 81, \"refresh_api_token\": \"r\", \"data_source_links\": [{\"data_source_name\":"
                + " \"dwh\", \"alation_data_source_id\": 7}]}").status()).isEqualTo(200);
        assertThat(putJson(ASSETS, ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]")
                .status()).isEqualTo(200);
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a1', 1, 'ds', 2, 's', 3, 't')");
        alation.resetRequests();
    }

    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(jdbc.queryForObject("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '') FROM "
                    + table + " t", String.class)).append('|');
        }
        return all.toString();
    }

    /** The answer is a problem+json with this status, and the database is as it was. */
    private JsonNode refused(int status, String method, String path, BodyPublisher body) {
        String before = fingerprint();
        Answer answer = send(method, path, ALL_TENANTS_KEY, body == null ? null : "application/json",
                body == null ? BodyPublishers.noBody() : body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(fingerprint()).isEqualTo(before);
        alation.verify(0, anyRequestedFor(anyUrl()));
        return answer.json();
    }

    private JsonNode refusedJson(String method, String path, String json) {
        return refused(400, method, path, BodyPublishers.ofString(json));
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    private static String detailOf(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("detail").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    // --- 1. characters PostgreSQL cannot store -------------------------------------------------------------------

    @Test
    void aNulInAManualMappingsAssetIdIs400NamingTheField() {
        JsonNode problem = refusedJson("POST", MAPPINGS, "{\"asset_id\": \"\\u0000\", \"alation_table_id\": 6121}");

        assertThat(fields(problem)).containsExactly("asset_id");
        assertThat(detailOf(problem, "asset_id")).isEqualTo("may not contain the control character U+0000");
    }

    @Test
    void controlCharactersInEveryTextFieldOfTheIntegrationAreRefusedByName() {
        JsonNode problem = refusedJson("PUT", INTEGRATION + "?validate=false", "{\"url\": \"https://a.example\\u0000\","
                + " \"user_id\": 81, \"refresh_api_token\": \"r\\u0007\", \"data_source_links\":"
                + " [{\"data_source_name\": \"dwh\\u001b\", \"alation_data_source_id\": 7}]}");

        assertThat(fields(problem)).containsExactly("url", "refresh_api_token", "data_source_links[0].data_source_name");
        assertThat(detailOf(problem, "url")).isEqualTo("may not contain the control character U+0000");
        assertThat(detailOf(problem, "refresh_api_token")).isEqualTo("may not contain the control character U+0007");
        assertThat(detailOf(problem, "data_source_links[0].data_source_name"))
                .isEqualTo("may not contain the control character U+001B");
    }

    @Test
    void controlCharactersInEveryTextFieldOfAnAssetAreRefusedByName() throws Exception {
        for (String field : List.of("asset_id", "data_source_name", "data_source_type", "host", "database", "schema",
                "table")) {
            Map<String, Object> asset = new LinkedHashMap<>(Map.of("asset_id", "a2", "schema", "s", "table", "t"));
            asset.put(field, "x\u0000y");
            JsonNode problem = refusedJson("PUT", ASSETS, objectMapper.writeValueAsString(
                    List.of(Map.of("asset_id", "ok", "schema", "s", "table", "t"), asset)));

            assertThat(fields(problem)).as(field).containsExactly("[1]." + field);
            assertThat(detailOf(problem, "[1]." + field)).isEqualTo("may not contain the control character U+0000");
        }
    }

    @Test
    void aLoneSurrogateIsRefusedAsTextPostgreSqlCannotStore() {
        JsonNode problem = refusedJson("PUT", ASSETS, "[{\"asset_id\": \"a2\", \"schema\": \"s\", \"table\": \"\\ud800\"}]");

        assertThat(fields(problem)).containsExactly("[0].table");
        assertThat(detailOf(problem, "[0].table")).isEqualTo("may not contain an unpaired surrogate (U+D800)");
    }

    @Test
    void tabsNewlinesAndCarriageReturnsAreText() {
        Answer answer = putJson(ASSETS, ALL_TENANTS_KEY,
                "[{\"asset_id\": \"a2\", \"schema\": \"s\\tx\", \"table\": \"line 1\\r\\nline 2\"}]");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT schema_name, table_name FROM asset WHERE asset_id = 'a2'"))
                .isEqualTo(Map.of("schema_name", "s\tx", "table_name", "line 1\r\nline 2"));
    }

    @Test
    void aNulInATextQueryParameterIs400NamingTheParameter() {
        for (String path : List.of(ASSETS + "?asset_id=a1%00", MAPPINGS + "?asset_id=%00", ASSETS + "?asset_id=%01")) {
            JsonNode problem = refused(400, "DELETE", path, null);

            assertThat(fields(problem)).as(path).containsExactly("asset_id");
            assertThat(detailOf(problem, "asset_id")).as(path).startsWith("may not contain the control character U+00");
        }
    }

    // --- 2. bodies that are not UTF-8 ----------------------------------------------------------------------------

    /** A request line past Tomcat's header limit is refused before any field is judged: still a problem, still 4xx. */
    @Test
    void aParameterTooLongForTheRequestLineIsAProblemAndChangesNothing() {
        JsonNode problem = refused(400, "DELETE", ASSETS + "?asset_id=" + "a%00".repeat(3_000), null);

        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotUtf8Is400OnEveryEndpointThatTakesABody() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE, 0x00};
        byte[] latin1 = "{\"asset_id\": \"caf\u00e9\", \"alation_table_id\": 1}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "[{\"asset_id\": \"a\", \"schema\": \"s\", \"table\": \"t\"}]".getBytes(StandardCharsets.UTF_16);
        for (Map.Entry<String, byte[]> call : List.of(Map.entry("PUT " + INTEGRATION, bom),
                Map.entry("PUT " + INTEGRATION + "?validate=false", utf16), Map.entry("PUT " + ASSETS, bom),
                Map.entry("PUT " + ASSETS, utf16), Map.entry("POST " + MAPPINGS, bom), Map.entry("POST " + MAPPINGS, latin1))) {
            String[] verb = call.getKey().split(" ");
            JsonNode problem = refused(400, verb[0], verb[1], BodyPublishers.ofByteArray(call.getValue()));

            assertThat(problem.get("detail").asText()).as(call.getKey())
                    .startsWith("The request body is not valid UTF-8");
        }
    }

    // --- 3. host names that cannot exist ---------------------------------------------------------------------------

    @Test
    void anImpossibleHostNameIs400NamingTheUrlBeforeAnyCallOrLookUp() {
        Map<String, String> hosts = Map.of(
                "a".repeat(5_000) + ".example.com", "has a host name longer than 253 characters",
                "alation." + "b".repeat(64) + ".example.com", "has a host name label longer than 63 characters",
                ("c".repeat(60) + ".").repeat(5) + "com", "has a host name longer than 253 characters");
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            long started = System.nanoTime();
            // validate=true: an accepted URL would be called at once
            JsonNode problem = refusedJson("PUT", INTEGRATION, "{\"url\": \"https://" + host.getKey()
                    + "/\", \"user_id\": 81, \"refresh_api_token\": \"r\"}");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(fields(problem)).containsExactly("url");
            assertThat(detailOf(problem, "url")).isEqualTo(host.getValue());
        }
    }

    // --- 4. a size limit per endpoint -------------------------------------------------------------------------------

    private static byte[] jsonOfSize(String prefix, int size, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("x".repeat(size - prefix.length() - suffix.length()).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void theIntegrationAndAManualMappingHaveAKilobyteLimitDeclaredOrChunked() {
        byte[] integration = jsonOfSize("{\"url\": \"https://a.example\", \"user_id\": 1, \"refresh_api_token\": \"",
                1024 * 1024, "\"}");
        byte[] mapping = jsonOfSize("{\"alation_table_id\": 1, \"asset_id\": \"", 65 * 1024, "\"}");
        for (Map.Entry<String, BodyPublisher> call : List.of(
                Map.entry("PUT " + INTEGRATION + "?validate=false", BodyPublishers.ofByteArray(integration)),
                Map.entry("PUT " + INTEGRATION + "?validate=false", chunked(integration)),
                Map.entry("POST " + MAPPINGS, BodyPublishers.ofByteArray(mapping)),
                Map.entry("POST " + MAPPINGS, chunked(mapping)))) {
            String[] verb = call.getKey().split(" ");
            JsonNode problem = refused(413, verb[0], verb[1], call.getValue());

            assertThat(problem.get("detail").asText()).as(call.getKey()).contains("65536 bytes")
                    .contains("catalog-bridge.api.max-configuration-request-size");
        }
    }

    /**
     * The case, as a client that writes its whole body before it reads (Python's http.client does): a 12 MiB
     * integration is answered 413, not with a connection closed under the client while it was still sending.
     */
    @Test
    void aTwelveMebibyteIntegrationSentWholeBeforeReadingIsAnswered413() throws Exception {
        byte[] body = jsonOfSize("{\"url\": \"https://a.example\", \"user_id\": 1, \"refresh_api_token\": \"",
                12 * 1024 * 1024, "\"}");
        String before = fingerprint();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + INTEGRATION + "?validate=false HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + ALL_TENANTS_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json")
                    .contains("catalog-bridge.api.max-configuration-request-size");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anAssetUploadKeepsTheLargeLimit() {
        String asset = "{\"asset_id\": \"b%d\", \"schema\": \"s\", \"table\": \"%s\"},";
        StringBuilder upload = new StringBuilder("[");
        for (int i = 0; i < 1_000; i++) {
            upload.append(asset.formatted(i, "t".repeat(1_000)));
        }
        byte[] body = (upload.substring(0, upload.length() - 1) + "]").getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(1_000_000);

        assertThat(send("PUT", ASSETS, ALL_TENANTS_KEY, "application/json", chunked(body)).status()).isEqualTo(200);
        assertThat(send("PUT", ASSETS, ALL_TENANTS_KEY, "application/json", BodyPublishers.ofByteArray(body)).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset", Integer.class)).isEqualTo(1_001);
    }
}
