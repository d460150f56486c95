package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorCustomFieldTest {

    private static final String ASYNC = "/integration/v2/custom_field_value/async/";
    /** How Alation's SDK finds the second job's id. */
    private static final Pattern SECOND_JOB = Pattern.compile("\\(can be tracked using jobs API\\):\\s([0-9]+)$");
    private static final long TABLE = SimulatedCatalog.FIRST_TABLE_ID + 3;

    private AlationSimulator simulator;
    private SimulatorClient client;
    private String token;

    private void start(WriteSettings writes) throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(5, 1_000).withWrites(writes));
        client = new SimulatorClient(simulator);
        token = client.token();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String item(long fieldId, long oid, String value) {
        return "{\"field_id\": " + fieldId + ", \"otype\": \"table\", \"oid\": " + oid + ", \"value\": \"" + value
                + "\"}";
    }

    private long put(String body) {
        Answer accepted = client.send("PUT", ASYNC, token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("job_id").asLong();
    }

    private JsonNode poll(long job) {
        return client.get("/api/v1/bulk_metadata/job/?id=" + job, token).json();
    }

    @Test
    void onCloudNativeTheValueIsWrittenOnlyByTheSecondJobNamedInTheFirstsResult() throws Exception {
        start(WriteSettings.DEFAULT);
        long first = put("[" + item(10012, TABLE, "<p>2 of 3 checks pass</p>") + ", "
                + item(10012, TABLE + 1, "<p>ok</p>") + "]");
        assertThat(poll(first).get("status").asText()).isEqualTo("running");
        JsonNode firstDone = poll(first);
        assertThat(firstDone.get("status").asText()).isEqualTo("successful");
        String text = firstDone.get("result").get(0).asText();
        Matcher secondId = SECOND_JOB.matcher(text);
        assertThat(secondId.find()).as(text).isTrue();
        long second = Long.parseLong(secondId.group(1));
        assertThat(second).isNotEqualTo(first);
        assertThat(simulator.quality().customFields().value(10012, TABLE)).as("not before the second job").isEmpty();

        assertThat(poll(second).get("status").asText()).isEqualTo("running");
        assertThat(poll(second).get("status").asText()).isEqualTo("successful");
        assertThat(simulator.quality().customFields().value(10012, TABLE)).contains("<p>2 of 3 checks pass</p>");
        JsonNode listed = client.get("/integration/v2/custom_field_value/?otype=table&oid=" + TABLE
                + "&field_id=10012", token).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("value").asText()).isEqualTo("<p>2 of 3 checks pass</p>");
        assertThat(listed.get(0).get("oid").asLong()).isEqualTo(TABLE);
        assertThat(client.get("/integration/v2/custom_field_value/", token).json()).hasSize(2);
        assertThat(simulator.quality().jobs().all()).extracting(BulkJobs.JobState::id).containsExactly(first, second);

        client.finish(put("[" + item(10012, TABLE, "<p>3 of 3</p>") + "]"), token); // the first job only
        assertThat(simulator.quality().customFields().value(10012, TABLE)).contains("<p>2 of 3 checks pass</p>");
        assertThat(simulator.stats().count(SimulatorEndpoint.CUSTOM_FIELD_ASYNC, 202)).isEqualTo(2);
    }

    @Test
    void withoutCloudNativeOneJobWritesTheValue() throws Exception {
        start(WriteSettings.DEFAULT.withCloudNative(false));
        JsonNode done = client.finish(put("[" + item(10012, TABLE, "<p>fine</p>") + "]"), token);
        assertThat(done.get("status").asText()).isEqualTo("successful");
        assertThat(done.get("result").get(0).asText()).doesNotContain("jobs API");
        assertThat(simulator.quality().customFields().value(10012, TABLE)).contains("<p>fine</p>");
    }

    @Test
    void anUnknownObjectOrFieldRefusesTheWholeBatch() throws Exception {
        start(WriteSettings.DEFAULT.withRichTextFieldIds(java.util.Set.of(10012L, 10013L)));
        for (String bad : new String[] {
            "[" + item(10012, TABLE, "a") + ", " + item(10012, 5, "b") + "]",
            "[" + item(10012, TABLE, "a") + ", " + item(99, TABLE, "b") + "]",
            "[{\"field_id\": 10012, \"otype\": \"schema\", \"oid\": 1001, \"value\": \"x\"}]",
            "[{\"field_id\": 10012, \"otype\": \"table\", \"oid\": " + TABLE + ", \"value\": 3}]",
            "[]", "{}", "not json"}) {
            Answer refused = client.send("PUT", ASYNC, token, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).isEqualTo("Invalid Payload");
        }
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i <= CustomFieldEndpoints.MAX_OBJECTS; i++) {
            tooMany.append(i == 0 ? "" : ",").append(item(10012, TABLE, "x"));
        }
        assertThat(client.send("PUT", ASYNC, token, tooMany.append("]").toString()).json().at("/errors/0").asText())
                .contains("at most 10000 objects");
        assertThat(client.send("PUT", ASYNC, token, "[" + item(10012, TABLE, "x".repeat(190 * 1024 + 1)) + "]")
                .status()).isEqualTo(400);
        assertThat(simulator.quality().jobs().all()).isEmpty();
        assertThat(client.send("PUT", ASYNC, token, "[" + item(10013, TABLE, "x".repeat(190 * 1024)) + "]")
                .status()).isEqualTo(202);
    }

    @Test
    void aFailedSecondJobWritesNothingAndJobsCanRunLongFailOrNeverEnd() throws Exception {
        start(WriteSettings.DEFAULT.withJobs(JobBehaviour.DEFAULT.withRunningPolls(0)));
        long first = put("[" + item(10012, TABLE, "<p>x</p>") + "]");
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withOutcome(JobBehaviour.Outcome.FAIL));
        JsonNode firstDone = poll(first);
        assertThat(firstDone.get("status").asText()).as("it kept the behaviour it was started with")
                .isEqualTo("successful");
        Matcher secondId = SECOND_JOB.matcher(firstDone.get("result").get(0).asText());
        assertThat(secondId.find()).isTrue();
        JsonNode second = client.finish(Long.parseLong(secondId.group(1)), token);
        assertThat(second.get("status").asText()).isEqualTo("failed");
        assertThat(second.get("result").isNull()).isTrue();
        assertThat(simulator.quality().customFields().count()).isZero();

        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withRunningPolls(0).withUnknownStatusPolls(2));
        long unknown = put("[" + item(10012, TABLE, "<p>y</p>") + "]");
        assertThat(poll(unknown).get("status").asText()).isEqualTo(JobBehaviour.UNKNOWN_STATUS);
        assertThat(poll(unknown).get("status").asText()).isEqualTo(JobBehaviour.UNKNOWN_STATUS);
        assertThat(poll(unknown).get("status").asText()).isEqualTo("successful");

        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withOutcome(JobBehaviour.Outcome.NEVER_END));
        long never = put("[" + item(10012, TABLE, "<p>z</p>") + "]");
        for (int i = 0; i < 20; i++) {
            assertThat(poll(never).get("status").asText()).isEqualTo("running");
        }
        assertThat(simulator.quality().jobs().job(never).orElseThrow().polls()).isEqualTo(20);

        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withRunningPolls(0)
                .withRunningFor(java.time.Duration.ofMillis(300)));
        long slow = put("[" + item(10012, TABLE, "<p>w</p>") + "]");
        assertThat(poll(slow).get("status").asText()).isEqualTo("running");
        Thread.sleep(350);
        assertThat(poll(slow).get("status").asText()).isEqualTo("successful");
    }
}
