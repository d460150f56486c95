package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens: bots see connections, other users do not, expired and unknown tokens are 401s; soft deletes. */
class OpenMetadataAuthTest {

    private static OpenMetadataSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(3, 3_000));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aBotSeesEveryServicesConnectionAUserWithoutRightsSeesNone() {
        JsonNode asBot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN)
                .get("/api/v1/services/databaseServices?limit=100").json().path("data");
        JsonNode asUser = new OmClient(simulator, Principal.DEMO_USER_TOKEN)
                .get("/api/v1/services/databaseServices?limit=100").json().path("data");
        assertThat(asBot).hasSize(simulator.catalog().services().size()).allMatch(s -> s.path("connection")
                .path("config").isObject());
        assertThat(asUser).hasSize(asBot.size()).allMatch(s -> !s.has("connection"));
        for (int i = 0; i < asBot.size(); i++) {
            assertThat(asUser.get(i).path("name")).isEqualTo(asBot.get(i).path("name"));
        }
        JsonNode snowflake = find(asBot, "Snowflake").path("connection").path("config");
        assertThat(snowflake.path("account").asText()).isNotEmpty();
        assertThat(snowflake.has("hostPort")).isFalse();
        JsonNode postgres = find(asBot, "Postgres").path("connection").path("config");
        assertThat(postgres.path("hostPort").asText()).contains(":543");
        assertThat(postgres.path("database").asText()).isNotEmpty();
    }

    @Test
    void theLoggedInUserSaysWhoTheTokenIs() {
        JsonNode bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN).get("/api/v1/users/loggedInUser").json();
        assertThat(bot.path("name").asText()).isEqualTo("ingestion-bot");
        assertThat(bot.path("isBot").asBoolean()).isTrue();
        JsonNode user = new OmClient(simulator, Principal.DEMO_USER_TOKEN).get("/api/v1/users/loggedInUser").json();
        assertThat(user.path("name").asText()).isEqualTo("data.steward");
        assertThat(user.path("isBot").asBoolean()).isFalse();
        assertThat(user.path("isAdmin").asBoolean()).isFalse();
        assertThat(user.path("id")).isNotEqualTo(bot.path("id"));
    }

    @Test
    void expiredUnknownAndMissingTokensAre401WithOpenMetadatasErrorBody() {
        for (String path : List.of("/api/v1/users/loggedInUser", "/api/v1/tables", "/api/v1/databases")) {
            OmClient.Answer expired = new OmClient(simulator, Principal.DEMO_EXPIRED_TOKEN).get(path);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().path("code").asInt()).isEqualTo(401);
            assertThat(expired.json().path("message").asText()).isEqualTo("Expired token!");
        }
        OmClient.Answer unknown = new OmClient(simulator, "eyJhbGciOiJub25lIn0.e30.").get("/api/v1/tables");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("message").asText()).isEqualTo("Not Authorized! Invalid token");
        OmClient.Answer missing = new OmClient(simulator, null).get("/api/v1/tables");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("message").asText()).isEqualTo("Not Authorized! Token not present");
        assertThat(new OmClient(simulator, null).get("/api/v1/system/version").status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiresWhenItsExpClaimPasses() throws Exception {
        Principal user = Principal.of(Principal.DEMO_USER_TOKEN, "x", true, true);
        assertThat(user.expiresAt()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(user.bot()).isFalse(); // the claims win over the defaults
        assertThat(Principal.of(Principal.DEMO_BOT_TOKEN, "x", false, false).expiresAt()).isNull();
        assertThat(Principal.of("plain-configured-token", "robot", true, false).name()).isEqualTo("robot");
        Clock after2100 = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (OpenMetadataSimulator later = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(3, 100), after2100)) {
            assertThat(new OmClient(later, Principal.DEMO_USER_TOKEN).get("/api/v1/tables").status()).isEqualTo(401);
            assertThat(new OmClient(later, Principal.DEMO_BOT_TOKEN).get("/api/v1/tables").status()).isEqualTo(200);
        }
    }

    @Test
    void softDeletedTablesAreHiddenUnlessIncludeAsksForThem() {
        OmClient bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
        OmTable deleted = simulator.catalog().tables().filter(OmTable::deleted).findFirst().orElseThrow();
        long all = simulator.catalog().tableCount();
        long deletedCount = simulator.catalog().tables().filter(OmTable::deleted).count();
        assertThat(total(bot, "")).isEqualTo(all - deletedCount);
        assertThat(total(bot, "&include=non-deleted")).isEqualTo(all - deletedCount);
        assertThat(total(bot, "&include=all")).isEqualTo(all);
        assertThat(total(bot, "&include=deleted")).isEqualTo(deletedCount);
        JsonNode onlyDeleted = bot.get("/api/v1/tables?limit=1000&include=deleted").json().path("data");
        assertThat(onlyDeleted).hasSize((int) deletedCount).allMatch(t -> t.path("deleted").asBoolean());
        assertThat(bot.get("/api/v1/tables?limit=1000").json().path("data"))
                .noneMatch(t -> t.path("deleted").asBoolean());

        String byId = "/api/v1/tables/" + deleted.id();
        String byName = "/api/v1/tables/name/" + OmClient.encodePath(deleted.fullyQualifiedName());
        for (String path : List.of(byId, byName)) {
            OmClient.Answer hidden = bot.get(path);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.json().path("message").asText()).contains("table instance for").endsWith("not found");
            JsonNode shown = bot.get(path + "?include=all").json();
            assertThat(shown.path("deleted").asBoolean()).isTrue();
            assertThat(shown.path("id").asText()).isEqualTo(deleted.id().toString());
        }
        assertThat(bot.get("/api/v1/tables?include=some").status()).isEqualTo(400);
        // only tables are ever soft-deleted
        assertThat(bot.get("/api/v1/services/databaseServices?include=deleted").json().path("paging").path("total")
                .asInt()).isZero();
        assertThat(bot.get("/api/v1/databaseSchemas?include=all").json().path("paging").path("total").asInt())
                .isEqualTo(simulator.catalog().schemas().size());
        assertThat(bot.get("/api/v1/tables/name/" + OmClient.encodePath("no.such.table.here")).status())
                .isEqualTo(404);
        assertThat(bot.get("/api/v1/tables/not-a-uuid").status()).isEqualTo(404);
        assertThat(bot.get("/api/v1/nothing").status()).isEqualTo(404);
    }

    private static long total(OmClient client, String include) {
        return client.get("/api/v1/tables?limit=1" + include).json().path("paging").path("total").asLong();
    }

    private static JsonNode find(JsonNode services, String type) {
        for (JsonNode service : services) {
            if (service.path("serviceType").asText().equals(type)) {
                return service;
            }
        }
        throw new AssertionError("no " + type + " service");
    }
}
