package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.openmetadata.simulator.OmService;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataCatalog;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.catalogbridge.openmetadata.simulator.ServiceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenMetadata's automatic mapping job over HTTP, against the OpenMetadata simulator: started, run, reported in the
 * same shape as Alation's jobs, its mappings in PostgreSQL. The assets are drawn from the simulator's catalog, and
 * what each must map to is worked out from the catalog's truth (the one live table of its spelling), so that the test
 * holds whatever the generated names are.
 */
class OpenMetadataAutoMappingJobTest extends ApiTestSupport {

    private static final String INTEGRATION = "/acme/configuration/integrations/openmetadata";
    private static final String MAPPINGS = "/acme/configuration/mappings/openmetadata";
    private static final String AUTO = MAPPINGS + "/auto";

    private static OpenMetadataSimulator simulator;
    private static OpenMetadataCatalog catalog;
    /** Folded "database.schema.table" (a database-less service's "schema.table") → every table so spelled. */
    private static Map<String, List<OmTable>> bySpelling;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 5_000));
        catalog = simulator.catalog();
        bySpelling = catalog.tables().collect(Collectors.groupingBy(OpenMetadataAutoMappingJobTest::spelling));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    /** How the matcher reads a table's schema and name: database-less services' schemas stand alone. */
    private static String spelling(OmTable table) {
        String schema = table.schema().database().service().type().hasDatabases()
                ? table.schema().database().name() + "." + table.schema().name() : table.schema().name();
        return (schema + "." + table.name()).toLowerCase(Locale.ROOT);
    }

    /** A table whose spelling no other table shares, live or soft-deleted, of a service of the type. */
    private static OmTable uniqueTable(ServiceType type, Predicate<OmTable> also) {
        return catalog.tables()
                .filter(table -> table.schema().database().service().type() == type && also.test(table))
                .filter(table -> bySpelling.get(spelling(table)).size() == 1)
                .findFirst().orElseThrow();
    }

    private static final OmTable[] chosen = new OmTable[6];

    private static OmTable postgres() {
        return chosen[0] = chosen[0] != null ? chosen[0]
                : uniqueTable(ServiceType.POSTGRES, t -> !t.deleted() && !t.name().contains("."));
    }

    private static OmTable snowflake() {
        return chosen[1] = chosen[1] != null ? chosen[1]
                : uniqueTable(ServiceType.SNOWFLAKE, t -> !t.deleted() && !t.name().contains("."));
    }

    private static OmTable mysql() {
        return chosen[2] = chosen[2] != null ? chosen[2]
                : uniqueTable(ServiceType.MYSQL, t -> !t.deleted() && !t.name().contains("."));
    }

    private static OmTable dotted() {
        return chosen[3] = chosen[3] != null ? chosen[3]
                : uniqueTable(ServiceType.POSTGRES, t -> !t.deleted() && t.name().contains(".")
                        && !t.name().contains("\""));
    }

    private static OmTable softDeleted() {
        return chosen[4] = chosen[4] != null ? chosen[4] : uniqueTable(ServiceType.POSTGRES, OmTable::deleted);
    }

    /** Live tables of one lower-case spelling in several services: an asset naming only it is ambiguous. */
    private static List<OmTable> ambiguous() {
        return bySpelling.values().stream()
                .map(tables -> tables.stream().filter(t -> !t.deleted()).toList())
                .filter(tables -> tables.size() >= 2 && tables.stream().map(OmTable::name).distinct().count() == 1
                        && tables.stream().map(t -> t.schema().database().service()).distinct().count() == tables.size()
                        && tables.get(0).schema().database().service().type() == ServiceType.POSTGRES
                        && tables.stream().allMatch(t -> bySpelling.get(spelling(t)).size() == tables.size()))
                .findFirst().orElseThrow();
    }

    private static String host(OmService service) {
        return service.hostPort().substring(0, service.hostPort().lastIndexOf(':'));
    }

    private static int port(OmService service) {
        return Integer.parseInt(service.hostPort().substring(service.hostPort().lastIndexOf(':') + 1));
    }

    private static String assetsJson() {
        OmTable pg = postgres();
        OmService pgService = pg.schema().database().service();
        OmTable sf = snowflake();
        OmService sfService = sf.schema().database().service();
        OmTable my = mysql();
        OmService myService = my.schema().database().service();
        OmTable dot = dotted();
        OmTable gone = softDeleted();
        OmTable amb = ambiguous().get(0);
        return """
                [{"asset_id": "pg", "data_source_type": "postgresql", "host": "%s", "port": %d,
                  "database": "%s", "schema": "%s", "table": "%s"},
                 {"asset_id": "sf", "data_source_type": "snowflake", "host": "%s.snowflakecomputing.com",
                  "database": "%s", "schema": "%s", "table": "%s"},
                 {"asset_id": "my", "data_source_type": "mysql", "host": "%s", "port": %d, "schema": "%s", "table": "%s"},
                 {"asset_id": "dot", "data_source_name": "%s", "database": "%s", "schema": "%s", "table": "%s"},
                 {"asset_id": "gone", "data_source_name": "%s", "database": "%s", "schema": "%s", "table": "%s"},
                 {"asset_id": "amb", "database": "%s", "schema": "%s", "table": "%s"},
                 {"asset_id": "none", "database": "%s", "schema": "%s", "table": "no_such_table"}]""".formatted(
                host(pgService), port(pgService), pg.schema().database().name(), pg.schema().name(), pg.name(),
                sfService.account(), lower(sf.schema().database().name()), lower(sf.schema().name()), lower(sf.name()),
                host(myService), port(myService), my.schema().name(), my.name(),
                dot.schema().database().service().name(), dot.schema().database().name(), dot.schema().name(),
                dot.name(),
                gone.schema().database().service().name(), gone.schema().database().name(), gone.schema().name(),
                gone.name(),
                amb.schema().database().name(), amb.schema().name(), amb.name(),
                pg.schema().database().name(), pg.schema().name()).replace("\\", "\\\\");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @BeforeEach
    void registerAssetsAndIntegration() {
        jdbc.update("DELETE FROM scheduled_tasks");
        simulator.faults().clear();
        integrate(Principal.DEMO_BOT_TOKEN);
        Answer assets = putJson("/acme/assets", ALL_TENANTS_KEY, assetsJson());
        assertThat(assets.status()).as(assets.body()).isEqualTo(200);
        simulator.resetStats();
    }

    private void integrate(String token) {
        Answer put = putJson(INTEGRATION, ALL_TENANTS_KEY,
                "{\"url\": \"" + simulator.baseUrl() + "\", \"jwt_token\": \"" + token + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private String start(String query) {
        return startJob(AUTO + query, "OpenMetadata");
    }

    private JsonNode finished(String jobId) {
        return finishedJob(AUTO, jobId);
    }

    private Map<String, UUID> mappedTableIds() {
        Map<String, UUID> mapped = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, table_id FROM openmetadata_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> mapped.put((String) row.get("asset_id"), (UUID) row.get("table_id")));
        return mapped;
    }

    @Test
    void aJobMapsByConnectionCaseDefaultDatabaseServiceNameAndDottedNamesAndReportsTheRest() {
        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("error_message").isNull()).isTrue();
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"assets\":7,\"mapped\":4,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":2}");
        assertThat(mappedTableIds()).isEqualTo(Map.of("dot", dotted().id(), "my", mysql().id(), "pg", postgres().id(),
                "sf", snowflake().id()));
        OmTable pg = postgres();
        assertThat(job.get("result").findValuesAsText("asset_id")).containsExactly("dot", "my", "pg", "sf");
        assertThat(job.get("result").get(2).toString()).isEqualTo(objectMapper.createObjectNode()
                .put("asset_id", "pg").put("service_name", pg.schema().database().service().name())
                .put("database_name", pg.schema().database().name()).put("schema_name", pg.schema().name())
                .put("table_id", pg.id().toString()).put("table_name", pg.name())
                .put("table_fqn", pg.fullyQualifiedName()).toString());
        // MySQL's schemas sit under OpenMetadata's database "default"; the dotted table keeps its quoted FQN
        assertThat(job.get("result").get(1).get("database_name").asText()).isEqualTo("default");
        assertThat(job.get("result").get(0).get("table_fqn").asText()).isEqualTo(dotted().fullyQualifiedName())
                .contains("\"" + dotted().name() + "\"");
        // the Snowflake asset spelled in lower case maps to the upper-case table
        assertThat(job.get("result").get(3).get("table_name").asText()).isEqualTo(snowflake().name());

        List<OmTable> ambiguous = ambiguous();
        assertThat(job.at("/ambiguous/0/asset_id").asText()).isEqualTo("amb");
        List<String> candidates = new ArrayList<>();
        job.at("/ambiguous/0/candidate_table_ids").forEach(id -> candidates.add(id.asText()));
        assertThat(candidates).containsExactlyInAnyOrderElementsOf(
                ambiguous.stream().map(t -> t.id().toString()).toList());
        assertThat(job.get("unmatched").findValuesAsText("asset_id")).containsExactly("gone", "none");
        assertThat(job.at("/unmatched/0/reason").asText()).contains(softDeleted().name());

        assertThat(job.at("/progress/plan").asText()).isEqualTo("targeted");
        assertThat(job.at("/progress/pages_read").asLong()).isPositive();
        // the targeted plan listed the schemas it found, never the whole catalog
        assertThat(simulator.stats().count("tables", 200)).isEqualTo(job.at("/progress/pages_read").asLong());
        assertThat(simulator.stats().count("tables", 200)).isLessThan(catalog.schemas().size());

        Answer listed = get(MAPPINGS, ALL_TENANTS_KEY);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("asset_id")).containsExactly("dot", "my", "pg", "sf");
        assertThat(listed.json().get(2)).isEqualTo(job.get("result").get(2));
    }

    @Test
    void assetsInMoreSchemasThanTheTargetedPlanMayListHaveTheWholeCatalogReadOnce() {
        // 101 schemas no service knows, each wanted in every service: far more than 100 listings
        String many = java.util.stream.IntStream.rangeClosed(1, 101)
                .mapToObj(i -> "{\"asset_id\": \"x" + i + "\", \"schema\": \"nowhere_" + i + "\", \"table\": \"t\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, many).status()).isEqualTo(200);
        simulator.resetStats();

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.at("/progress/plan").asText()).isEqualTo("full");
        assertThat(mappedTableIds()).containsEntry("pg", postgres().id()).containsEntry("my", mysql().id());
        long live = catalog.tables().filter(table -> !table.deleted()).count();
        assertThat(job.at("/progress/tables_read").asLong()).isEqualTo(live);
        // no schema was looked up: every table was listed once, 1,000 a page
        assertThat(simulator.stats().count("databases", 200)).isZero();
        assertThat(simulator.stats().count("databaseSchemas", 200)).isZero();
        assertThat(simulator.stats().count("tables", 200)).isEqualTo((live + 999) / 1000);
    }

    @Test
    void withoutOverwriteMappedAssetsAreLeftAloneAndWithOverwriteTheyAreReplaced() {
        OmTable other = dotted();
        Answer manual = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"pg\", \"openmetadata_table_id\": \"" + other.id() + "\"}");
        assertThat(manual.status()).as(manual.body()).isEqualTo(200);

        JsonNode keep = finished(start("?should_overwrite=false"));
        assertThat(keep.get("summary").toString())
                .isEqualTo("{\"assets\":7,\"mapped\":3,\"unchanged\":1,\"ambiguous\":1,\"unmatched\":2}");
        assertThat(mappedTableIds()).containsEntry("pg", other.id());

        JsonNode replace = finished(start("?should_overwrite=true"));
        assertThat(replace.get("summary").toString())
                .isEqualTo("{\"assets\":7,\"mapped\":1,\"unchanged\":3,\"ambiguous\":1,\"unmatched\":2}");
        assertThat(replace.get("result").findValuesAsText("asset_id")).containsExactly("pg");
        assertThat(mappedTableIds()).containsEntry("pg", postgres().id());
    }

    @Test
    void aTokenThatSeesNoConnectionsStillMapsByNamesAndSaysWhy() {
        integrate(Principal.DEMO_USER_TOKEN);

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        // the connection-only assets fall back to every service, where their spelling is unique
        assertThat(mappedTableIds()).containsEntry("pg", postgres().id()).containsEntry("sf", snowflake().id())
                .containsEntry("dot", dotted().id());
        assertThat(job.at("/unmatched/1/asset_id").asText()).isEqualTo("none");
        assertThat(job.at("/unmatched/1/reason").asText()).contains("showed no connection details");
    }

    @Test
    void aJobWithoutAnIntegrationIsRefusedAndOneRunsAtATimePerCatalog() {
        assertThat(delete(INTEGRATION, ALL_TENANTS_KEY).status()).isEqualTo(200);
        Answer none = call("POST", AUTO, ALL_TENANTS_KEY, null, null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asText())
                .isEqualTo("No OpenMetadata integration is configured for tenant acme");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job", Integer.class)).isZero();

        integrate(Principal.DEMO_BOT_TOKEN);
        simulator.faults().latency(Duration.ofMillis(700));
        String running = start("");
        Answer second = call("POST", AUTO, ALL_TENANTS_KEY, null, null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("job_id").asText()).isEqualTo(running);

        // the tenant's Alation may run a job meanwhile: one running job per tenant and catalog
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        Answer alationJob = call("POST", "/acme/configuration/mappings/alation/auto", ALL_TENANTS_KEY, null, null);
        assertThat(alationJob.status()).as(alationJob.body()).isEqualTo(200);
        String alationJobId = alationJob.json().get("job_id").asText();
        // each catalog's path knows only its own jobs
        assertThat(get(AUTO + "?job_id=" + alationJobId, ALL_TENANTS_KEY).status()).isEqualTo(404);
        assertThat(get("/acme/configuration/mappings/alation/auto?job_id=" + running, ALL_TENANTS_KEY).status())
                .isEqualTo(404);

        simulator.faults().clear();
        assertThat(finished(running).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aRefusedTokenFailsTheJobSayingSo() {
        // the simulator takes the token for one more call (the services), then answers 401 "Expired token!"
        simulator.faults().expireTokensAfter(1);

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error_message").asText()).startsWith("OpenMetadata refused the stored token on GET ")
                .contains("HTTP 401: Expired token!").endsWith("update the OpenMetadata integration with a new token");
        assertThat(mappedTableIds()).isEmpty();
    }
}
