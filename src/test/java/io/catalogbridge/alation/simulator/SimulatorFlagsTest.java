package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorFlagsTest {

    private static final String FLAGS = "/integration/flag/";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    private AlationSimulator simulator;
    private SimulatorClient client;
    private String token;
    private long tableId;

    @BeforeEach
    void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(5, 2_000)
                .withUsers(Map.of(1L, SimulatorSettings.DEMO_REFRESH_TOKEN, 2L, "token-of-2")));
        client = new SimulatorClient(simulator);
        token = client.token();
        tableId = SimulatedCatalog.FIRST_TABLE_ID + 17;
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Answer create(String as, String type, String reason, long table) {
        return client.send("POST", FLAGS, as, "{\"flag_type\": \"" + type + "\", "
                + (reason == null ? "" : "\"flag_reason\": \"" + reason + "\", ")
                + "\"subject\": {\"id\": " + table + ", \"otype\": \"table\"}}");
    }

    private JsonNode list(String query) {
        return client.get(FLAGS + "?oid=" + tableId + "&otype=table" + query, token).json();
    }

    @Test
    void aFlagIsCreatedListedWithItsReasonWrappedAndDeletedByItsOwner() {
        Answer created = create(token, "WARNING", "3 checks failing", tableId);
        assertThat(created.status()).isEqualTo(201);
        JsonNode flag = created.json();
        assertThat(flag.get("flag_type").asText()).isEqualTo("WARNING");
        assertThat(flag.get("flag_reason").asText()).isEqualTo("<p>3 checks failing</p>");
        assertThat(flag.at("/subject/id").asLong()).isEqualTo(tableId);
        assertThat(flag.at("/subject/otype").asText()).isEqualTo("table");
        assertThat(flag.at("/user/id").asLong()).isEqualTo(1);
        assertThat(flag.get("ts_created").asText()).matches(TIMESTAMP);

        Answer again = create(token, "WARNING", "3 checks failing", tableId);
        assertThat(again.status()).as("not idempotent").isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isNotEqualTo(flag.get("id").asLong());
        assertThat(list("")).hasSize(2);
        assertThat(simulator.quality().flags().on(tableId)).hasSize(2);

        Answer deleted = client.send("DELETE", FLAGS + flag.get("id").asLong() + "/", token, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(list("&exclude_deleted=true")).hasSize(1);
        JsonNode all = list("");
        assertThat(all).as("deleted flags are listed unless excluded").hasSize(2);
        assertThat(all.get(0).get("ts_deleted").asText()).matches(TIMESTAMP);
        assertThat(all.get(1).get("ts_deleted").isNull()).isTrue();
        assertThat(client.send("DELETE", FLAGS + flag.get("id").asLong() + "/", token, null).status())
                .as("already deleted").isEqualTo(404);
        assertThat(client.send("DELETE", FLAGS + "999999/", token, null).status()).isEqualTo(404);
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAG_CREATE, 201)).isEqualTo(2);
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAG_DELETE, 204)).isEqualTo(1);
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAGS, 200)).isEqualTo(3);
    }

    @Test
    void warningAndDeprecationNeedAReasonAndTheSubjectMustBeAnExistingTable() {
        assertThat(create(token, "WARNING", null, tableId).status()).isEqualTo(400);
        assertThat(create(token, "DEPRECATION", " ", tableId).status()).isEqualTo(400);
        assertThat(create(token, "ENDORSEMENT", null, tableId).status()).isEqualTo(201);
        assertThat(create(token, "DEPRECATION", "<p>use orders_v2</p>", tableId).json().get("flag_reason").asText())
                .as("HTML is kept as given").isEqualTo("<p>use orders_v2</p>");
        assertThat(create(token, "CAUTION", "x", tableId).status()).isEqualTo(400);
        Answer unknown = create(token, "WARNING", "x", 42);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("no table 42");
        assertThat(client.send("POST", FLAGS, token, "{\"flag_type\": \"WARNING\", \"flag_reason\": \"x\", "
                + "\"subject\": {\"id\": " + tableId + ", \"otype\": \"schema\"}}").status()).isEqualTo(400);
        assertThat(client.get(FLAGS + "?oid=" + tableId, token).status()).as("otype is required").isEqualTo(400);
        assertThat(create(null, "WARNING", "x", tableId).status()).isEqualTo(403);
        assertThat(simulator.quality().flags().on(tableId)).hasSize(2);
    }

    @Test
    void onlyTheUserWhoCreatedAFlagMayDeleteIt() throws Exception {
        TrustFlags.Flag seeded = simulator.quality().flags().seed(77, tableId, "WARNING", "set by a steward");
        String other = SimulatorClient.mintToken(java.net.http.HttpClient.newHttpClient(), simulator.baseUrl(), 2,
                "token-of-2");
        long byTwo = create(other, "DEPRECATION", "retired", tableId).json().get("id").asLong();

        JsonNode listed = list("&exclude_deleted=true");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).at("/user/id").asLong()).isEqualTo(77);
        assertThat(listed.get(0).get("flag_reason").asText()).isEqualTo("<p>set by a steward</p>");
        Answer forbidden = client.send("DELETE", FLAGS + seeded.id() + "/", token, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asText()).contains("permission");
        assertThat(client.send("DELETE", FLAGS + byTwo + "/", token, null).status()).isEqualTo(403);
        assertThat(simulator.quality().flags().on(tableId)).hasSize(2);
        assertThat(client.send("DELETE", FLAGS + byTwo + "/", other, null).status()).isEqualTo(204);
        assertThat(simulator.quality().flags().on(tableId)).extracting(TrustFlags.Flag::id)
                .containsExactly(seeded.id());
        assertThat(client.get(FLAGS + byTwo + "/", token).status()).isEqualTo(405);
        simulator.quality().reset();
        assertThat(simulator.quality().flags().all()).isEmpty();
    }
}
