package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.catalogbridge.CatalogBridgeApplication;
import io.catalogbridge.ServiceClient;
import io.catalogbridge.api.TextFields;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against every endpoint, generated anew each run (QuickTheories, which shrinks a failing example to
 * the smallest it can find): malformed and truncated JSON, wrong types, missing and extra fields, very long strings,
 * Unicode, SQL metacharacters, path tricks in tenants and ids, control characters in every text field, bodies that
 * are not UTF-8, host names that cannot exist, bodies over their endpoint's limit. Every answer is a 4xx
 * problem+json (never a 500), and nothing in PostgreSQL changes.
 */
class HostileInputPropertiesTest {

    private static final String KEY = "hostile-input-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes every character past ASCII as a JSON escape: a lone surrogate can only be sent so ({@code "\ud800"}). */
    private static final ObjectMapper ESCAPING_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<String> TABLES = List.of("alation_integration", "alation_data_source_link", "asset",
            "alation_mapping", "mapping_job", "mapping_job_asset", "scheduled_tasks");
    /** The bulk-upload limit the service runs with here (the default, 64MB, is too large to send 150 times). */
    private static final int BULK_LIMIT = 256 * 1024;
    private static final int CONFIGURATION_LIMIT = 64 * 1024;

    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static int port;

    @BeforeAll
    static void startService() throws Exception {
        Path dir = Files.createTempDirectory("hostile-input");
        service = new SpringApplicationBuilder(CatalogBridgeApplication.class).run(
                "--server.port=0",
                "--catalog-bridge.embedded-database.data-directory=" + dir.resolve("postgres"),
                "--catalog-bridge.encryption.key-file=" + dir.resolve("encryption.key"),
                "--catalog-bridge.security.admin-key=" + KEY,
                "--catalog-bridge.api.max-request-size=" + BULK_LIMIT + "B",
                "--logging.level.root=WARN");
        port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
        jdbc = service.getBean(JdbcTemplate.class);
        // something to change, should a request get through: acme has an integration, an asset and a mapping
        send("PUT", "/acme/configuration/integrations/alation?validate=false", "application/json",
                "{\"url\": \"https://alation.example.com\", \"user_id\": 3, \"refresh_api_token\": \"t\"}");
        send("PUT", "/acme/assets", "application/json", "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]");
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a1', 1, 'ds', 2, 's', 3, 't')");
        assertThat(fingerprint()).contains("alation.example.com").contains("a1");
    }

    @AfterAll
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

    private static JsonNode refusedAndNothingChanged(String method, String path, String contentType, String body) {
        return refusedAndNothingChanged(method, path, contentType,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body),
                body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
    }

    /** The answer is a 4xx problem+json whose status matches, and no row of any table changed. */
    private static JsonNode refusedAndNothingChanged(String method, String path, String contentType,
            BodyPublisher body, String shown) {
        String before = fingerprint();
        HttpResponse<String> answer = new ServiceClient(port, KEY).send(method, path, contentType, body);
        String what = method + " " + path + " " + shown;
        assertThat(answer.statusCode()).as(what).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": not JSON: " + answer.body(), e);
        }
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(answer.statusCode());
        assertThat(fingerprint()).as(what).isEqualTo(before);
        return problem;
    }

    // --- generators --------------------------------------------------------------------------------------------

    @SafeVarargs
    private static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        @SuppressWarnings("unchecked")
        Gen<T>[] rest = Arrays.stream(gens).skip(1).map(g -> (Gen<T>) g.map(v -> (T) v)).toArray(Gen[]::new);
        return Generate.oneOf(gens[0].map(v -> (T) v), rest);
    }

    private static Gen<String> text(Gen<String> characters, int min, int max) {
        return lists().of(characters).ofSizeBetween(min, max).map(parts -> String.join("", parts));
    }

    private static Gen<String> nastyStrings() {
        return oneOf(
                // every code point, lone surrogates included
                strings().allPossible().ofLengthBetween(0, 50),
                text(oneOf(strings().betweenCodePoints(0x400, 0x4ff).ofLength(1),
                        arbitrary().pick("\u00e9", "\u4e2d", "\ud83d\ude00")), 0, 30),
                arbitrary().pick("'; DROP TABLE asset; --", "\" OR 1=1 --", "%", "\\u0000", "../../etc/passwd",
                        "${jndi:ldap://x}", "#{1+1}", ":#tenant", "<script>", "NULL", ""),
                strings().betweenCodePoints('a', 'z').ofLength(5_000));
    }

    private static Gen<Object> wrongTypedValues() {
        return oneOf(nastyStrings(), arbitrary().pick(Arrays.<Object>asList(true, false, -1, 0, 1.5, Long.MIN_VALUE,
                List.of(), Map.of("x", 1))), arbitrary().constant((Object) null));
    }

    /** A JSON text that is not quite JSON: cut short, or random characters. */
    private static Gen<String> brokenJson(Gen<String> valid) {
        return oneOf(valid.zip(doubles().between(0, 0.99), (text, cut) -> text.substring(0, (int) (text.length() * cut))),
                nastyStrings());
    }

    private static String json(Object value) {
        return json(JSON, value);
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Gen<String> integrationBodies() {
        Gen<Object> badUrl = oneOf(wrongTypedValues(), arbitrary().pick("http://alation.example.com",
                "https://169.254.169.254/", "https://[fe80::1]/", "ftp://a.example", "https://user:pw@a.example",
                "javascript:alert(1)", "https://a.example/?q=1"));
        Gen<Object> badUser = wrongTypedValues();
        Gen<Object> badToken = oneOf(strings().betweenCodePoints('a', 'z').ofLength(4_097),
                arbitrary().pick("", "   "), arbitrary().pick(Arrays.<Object>asList(1, true, List.of())),
                arbitrary().constant((Object) null));
        Gen<String> objects = badUrl.zip(badUser, badToken, integers().between(1, 7),
                lists().of(nastyStrings().zip(wrongTypedValues(), SimpleEntry::new)).ofSizeBetween(0, 2),
                (url, user, token, which, extra) -> {
                    // at least one field is bad; the others may be good
                    Map<String, Object> body = new LinkedHashMap<>();
                    extra.forEach(field -> body.put(field.getKey(), field.getValue()));
                    body.put("url", (which & 1) != 0 ? url : "https://alation.example.com");
                    body.put("user_id", (which & 2) != 0 ? user : 5);
                    body.put("refresh_api_token", (which & 4) != 0 ? token : "refresh");
                    if (which == 7 && url == null) {
                        body.remove("url");
                    }
                    return json(body);
                });
        return oneOf(objects, brokenJson(objects));
    }

    private static Gen<String> assetBodies() {
        Gen<String> invalidAsset = wrongTypedValues().zip(wrongTypedValues(), wrongTypedValues(),
                integers().between(1, 3), (id, schema, table, which) -> {
                    Map<String, Object> asset = new LinkedHashMap<>();
                    asset.put("asset_id", which == 1 ? null : id instanceof String s && !s.isBlank() ? s : "ok");
                    asset.put("schema", which == 2 ? schema instanceof String s && !s.isBlank() ? List.of(s) : schema : "s");
                    asset.put("table", which == 3 ? (table instanceof String s && !s.isBlank() ? 42 : table) : "t");
                    return json(List.of(Map.of("asset_id", "fine", "schema", "s", "table", "t"), asset));
                });
        return oneOf(invalidAsset, brokenJson(invalidAsset), arbitrary().pick("{}", "null", "42", "\"x\""));
    }

    private static Gen<String> mappingBodies() {
        Gen<String> objects = wrongTypedValues().zip(wrongTypedValues(), (asset, table) -> json(Map.of(
                "asset_id", String.valueOf(asset), "alation_table_id", table == null ? "none" : table)));
        return oneOf(objects, brokenJson(objects));
    }

    private static Gen<String> pathSegments() {
        return oneOf(nastyStrings(), arbitrary().pick("..", ".", "%2e%2e", "a;b", "a/b", "a\\b", "-x", "_x",
                "a".repeat(65), "\u00e4bc", "acme%00", "acme?x=1", "acme#f"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static Gen<String> queryValues() {
        return nastyStrings().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    }

    private static Gen<String> endpointsWithoutTenant() {
        return arbitrary().pick("GET /configuration/integrations/alation", "PUT /configuration/integrations/alation",
                "DELETE /configuration/integrations/alation", "GET /assets?limit=x", "PUT /assets",
                "DELETE /assets", "GET /configuration/mappings/alation/auto?job_id=1",
                "POST /configuration/mappings/alation", "DELETE /configuration/mappings/alation");
    }

    private static Gen<String> endpointsWithParameter() {
        return arbitrary().pick("GET /acme/configuration/mappings/alation/auto?job_id=",
                "GET /acme/assets?limit=x", "GET /acme/assets?offset=-", "DELETE /globex/assets?asset_id=",
                "DELETE /globex/configuration/mappings/alation?asset_id=",
                "POST /acme/configuration/mappings/alation/auto?should_overwrite=x");
    }

    /** Text with at least one character PostgreSQL cannot store: a C0 control (not tab, LF, CR) or a lone surrogate. */
    private static Gen<String> unstorableText() {
        Gen<String> control = oneOf(integers().between(0, 0x1f).assuming(c -> c != '\t' && c != '\n' && c != '\r')
                .map(c -> String.valueOf((char) c.intValue())), integers().between(0xd800, 0xdfff)
                .map(c -> String.valueOf((char) c.intValue())));
        Gen<String> around = oneOf(strings().basicLatinAlphabet().ofLengthBetween(0, 20), nastyStrings());
        return around.zip(control, around, (before, bad, after) -> before + bad + after)
                // a surrogate next to its other half would make a real character
                .assuming(s -> TextFields.problem(s) != null)
                .describedAs(s -> json(ESCAPING_JSON, s));
    }

    /** Where a text can be sent: the field the problem must name, and the request that carries the text there. */
    private record TextField(String field, String method, String path, Function<String, String> body) {
        @Override
        public String toString() {
            return field + " of " + method + " " + path;
        }
    }

    private static String escaped(Object value) {
        return json(ESCAPING_JSON, value);
    }

    private static Gen<TextField> textFields() {
        String integration = "/acme/configuration/integrations/alation?validate=false";
        Map<String, Object> asset = Map.of("asset_id", "a9", "schema", "s", "table", "t");
        List<TextField> fields = new ArrayList<>(List.of(
                new TextField("url", "PUT", integration, s -> escaped(Map.of("url", s, "user_id", 5,
                        "refresh_api_token", "r"))),
                new TextField("refresh_api_token", "PUT", integration, s -> escaped(Map.of(
                        "url", "https://alation.example.com", "user_id", 5, "refresh_api_token", s))),
                new TextField("data_source_links[0].data_source_name", "PUT", integration, s -> escaped(Map.of(
                        "url", "https://alation.example.com", "user_id", 5, "refresh_api_token", "r",
                        "data_source_links", List.of(Map.of("data_source_name", s, "alation_data_source_id", 1))))),
                new TextField("asset_id", "POST", "/acme/configuration/mappings/alation", s -> escaped(Map.of(
                        "asset_id", s, "alation_table_id", 1))),
                new TextField("asset_id", "DELETE", "/acme/assets?asset_id=", null),
                new TextField("asset_id", "DELETE", "/acme/configuration/mappings/alation?asset_id=", null)));
        for (String field : List.of("asset_id", "data_source_name", "data_source_type", "host", "database", "schema",
                "table")) {
            fields.add(new TextField("[0]." + field, "PUT", "/acme/assets", s -> {
                Map<String, Object> withText = new LinkedHashMap<>(asset);
                withText.put(field, s);
                return escaped(List.of(withText));
            }));
        }
        return arbitrary().pick(fields);
    }

    /** Byte sequences that are no UTF-8: a lone continuation byte, an overlong form, a cut sequence, FF, FE... */
    private static Gen<byte[]> notUtf8() {
        return arbitrary().pick(List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe, 0x00},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xe9}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80,
                    (byte) 0x80, (byte) 0x80})).describedAs(Arrays::toString);
    }

    private static Gen<String> validBodyEndpoints() {
        return arbitrary().pick("PUT /acme/configuration/integrations/alation?validate=false {\"url\": "
                        + "\"https://other.example.com\", \"user_id\": 9, \"refresh_api_token\": \"caf\u00e9\"}",
                "PUT /acme/assets [{\"asset_id\": \"new\", \"schema\": \"s\", \"table\": \"caf\u00e9\"}]",
                "POST /acme/configuration/mappings/alation {\"asset_id\": \"a1\", \"alation_table_id\": 6121}");
    }

    /** A host name no host can have: a label over 63 characters, a name over 253, a character no name holds. */
    private static Gen<String> impossibleHosts() {
        Gen<String> label = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20);
        Gen<String> longLabel = strings().betweenCodePoints('a', 'z').ofLengthBetween(64, 300);
        Gen<String> tooLong = lists().of(strings().betweenCodePoints('a', 'z').ofLength(50)).ofSizeBetween(6, 100)
                .map(labels -> String.join(".", labels));
        Gen<String> badCharacter = arbitrary().pick("_", "!", "*", "~", "\u00e9", "$", "'", ",", "=", "&");
        return oneOf(label.zip(longLabel, label, (a, b, c) -> a + "." + b + "." + c), tooLong,
                label.zip(badCharacter, label, (a, bad, c) -> a + bad + c + ".example.com"),
                label.map(a -> "-" + a + ".example.com"), label.map(a -> a + "-.example.com"),
                label.map(a -> a + "..example.com"));
    }

    private static Gen<String> sizedEndpoints() {
        return arbitrary().pick("PUT /acme/configuration/integrations/alation?validate=false",
                "POST /acme/configuration/mappings/alation", "PUT /acme/assets");
    }

    // --- properties ----------------------------------------------------------------------------------------------

    @Test
    void hostileIntegrationBodiesAreRefused() {
        qt().withExamples(150).forAll(integrationBodies()).checkAssert(body -> refusedAndNothingChanged("PUT",
                "/acme/configuration/integrations/alation", "application/json", body));
    }

    @Test
    void hostileAssetUploadsAreRefused() {
        qt().withExamples(150).forAll(assetBodies()).checkAssert(body -> refusedAndNothingChanged("PUT",
                "/acme/assets", "application/json", body));
    }

    @Test
    void hostileManualMappingsAreRefused() {
        // globex has no integration: a well-formed request ends in 404 (no such asset) or 409, never in Alation
        qt().withExamples(100).forAll(mappingBodies()).checkAssert(body -> refusedAndNothingChanged("POST",
                "/globex/configuration/mappings/alation", "application/json", body));
    }

    @Test
    void hostileTenantsAreRefusedOnEveryEndpoint() {
        qt().withExamples(150).forAll(pathSegments(), endpointsWithoutTenant()).checkAssert((tenant, endpoint) -> {
            String[] parts = endpoint.split(" ", 2);
            String body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{}";
            refusedAndNothingChanged(parts[0], "/" + tenant + parts[1], body == null ? null : "application/json", body);
        });
    }

    @Test
    void hostileIdsAndParametersAreRefused() {
        qt().withExamples(150).forAll(queryValues(), endpointsWithParameter()).checkAssert((value, endpoint) -> {
            String[] parts = endpoint.split(" ", 2);
            refusedAndNothingChanged(parts[0], parts[1] + value, null, null);
        });
    }

    @Test
    void textPostgreSqlCannotStoreIsRefusedNamingTheFieldInEveryTextFieldAndParameter() {
        qt().withExamples(150).forAll(textFields(), unstorableText())
                // a URL carries no surrogate (UTF-8 cannot encode one): a parameter gets a control character, in a
                // request line Tomcat reads at all (past its 8 KB header limit it answers 400 before any field is
                // judged; InputBoundariesTest#aParameterTooLongForTheRequestLineIsAProblemAndChangesNothing)
                .assuming((field, text) -> field.body() != null
                        || (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                                && URLEncoder.encode(text, StandardCharsets.UTF_8).length() < 4_000))
                .checkAssert((field, text) -> {
                    JsonNode problem = field.body() == null
                            ? refusedAndNothingChanged(field.method(), field.path()
                                    + URLEncoder.encode(text, StandardCharsets.UTF_8), null, null)
                            : refusedAndNothingChanged(field.method(), field.path(), "application/json",
                                    field.body().apply(text));
                    assertThat(problem.get("status").asInt()).isEqualTo(400);
                    assertThat(problem.get("errors").findValuesAsText("field")).as(field + " " + escaped(text))
                            .contains(field.field());
                });
    }

    @Test
    void bodiesThatAreNotUtf8AreRefusedOnEveryEndpointThatTakesABody() {
        qt().withExamples(150).forAll(validBodyEndpoints(), notUtf8(), doubles().fromZeroToOne())
                .checkAssert((call, bad, where) -> {
                    String[] parts = call.split(" ", 3);
                    byte[] valid = parts[2].getBytes(StandardCharsets.UTF_8);
                    int at = (int) (valid.length * where);
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.write(valid, 0, at);
                    body.writeBytes(bad);
                    body.write(valid, at, valid.length - at);
                    JsonNode problem = refusedAndNothingChanged(parts[0], parts[1], "application/json",
                            BodyPublishers.ofByteArray(body.toByteArray()), Arrays.toString(bad) + " at " + at);
                    assertThat(problem.get("status").asInt()).isEqualTo(400);
                    assertThat(problem.get("detail").asText()).startsWith("The request body is not valid UTF-8");
                });
    }

    @Test
    void impossibleHostNamesAreRefusedNamingTheUrlBeforeAnyLookUp() {
        // validate=true: a URL that got through would be looked up and called (and answer 502)
        qt().withExamples(150).forAll(impossibleHosts(), booleans().all()).checkAssert((host, slash) -> {
            JsonNode problem = refusedAndNothingChanged("PUT", "/acme/configuration/integrations/alation",
                    "application/json", json(Map.of("url", "https://" + host + (slash ? "/" : ""), "user_id", 5,
                            "refresh_api_token", "r")));
            assertThat(problem.get("status").asInt()).as(host).isEqualTo(400);
            assertThat(problem.get("errors").findValuesAsText("field")).as(host).containsExactly("url");
        });
    }

    @Test
    void bodiesOverTheirEndpointsLimitAre413DeclaredOrChunked() {
        qt().withExamples(100).forAll(sizedEndpoints(), integers().between(1, 64 * 1024), booleans().all())
                .checkAssert((endpoint, over, chunked) -> {
                    String[] parts = endpoint.split(" ", 2);
                    boolean bulk = parts[1].startsWith("/acme/assets");
                    int limit = bulk ? BULK_LIMIT : CONFIGURATION_LIMIT;
                    byte[] body = ("[\"" + "x".repeat(limit + over) + "\"]").getBytes(StandardCharsets.UTF_8);
                    JsonNode problem = refusedAndNothingChanged(parts[0], parts[1], "application/json",
                            chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                    : BodyPublishers.ofByteArray(body),
                            body.length + " bytes" + (chunked ? ", chunked" : ""));
                    assertThat(problem.get("status").asInt()).isEqualTo(413);
                    assertThat(problem.get("detail").asText()).contains(limit + " bytes").contains(bulk
                            ? "catalog-bridge.api.max-request-size" : "catalog-bridge.api.max-configuration-request-size");
                });
    }
}
