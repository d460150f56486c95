package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.quality.QualityBatch;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's delivery of a tenant's quality batch, for {@code routes/openmetadata/quality-delivery.camel.yaml}:
 * each result becomes its rule's test definition (created once a batch; a 409 says it exists), its test case on the
 * mapped table or column, and a test case result; a removal hard-deletes the test case. Every call may be sent
 * again: a create of what exists answers 409 and a result at a timestamp already stored answers 409, both taken as
 * done, so a batch the core retries after a failure delivers nothing twice. The payloads are
 * {@link OpenMetadataQuality}'s.
 */
@Component("openmetadataQualityDelivery")
public class OpenMetadataQualityDelivery {

    /** What a call is for: a delivery's verdict follows from its case, result or removal call. */
    public enum Kind { DEFINITION, CASE, RESULT, REMOVAL }

    /** One call of the plan, in order; {@code delivery} is null for a definition (it serves several). */
    public record Call(Kind kind, String method, String path, String query, String body, ClaimedDelivery delivery,
            String what) {
    }

    /** The batch's calls, and the deliveries already judged (their later calls are skipped). */
    public static final class Plan {
        private final QualityBatch batch;
        private final List<Call> calls = new ArrayList<>();
        private final Set<ClaimedDelivery> judged = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, String> tableFqns = new HashMap<>();

        Plan(QualityBatch batch) {
            this.batch = batch;
        }

        public List<Call> calls() {
            return calls;
        }

        void fail(ClaimedDelivery delivery, String reason) {
            judged.add(delivery);
            batch.failed(delivery, reason);
        }

        void deliver(ClaimedDelivery delivery) {
            judged.add(delivery);
            batch.delivered(delivery, tableFqns.get(delivery.assetId()));
        }

        void unmapped(ClaimedDelivery delivery) {
            judged.add(delivery);
            batch.unmapped(delivery);
        }
    }

    private final ObjectMapper objectMapper;
    private final OpenMetadataQuality quality = new OpenMetadataQuality(null, false);

    public OpenMetadataQualityDelivery(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The server's version from {@code GET /v1/system/version}; unreadable is taken as the oldest (1.4's paths). */
    public OpenMetadataVersion version(byte[] body) {
        try {
            OpenMetadataVersion version = body == null ? null : objectMapper.readValue(body, OpenMetadataVersion.class);
            return version == null ? new OpenMetadataVersion(null) : version;
        } catch (IOException e) {
            return new OpenMetadataVersion(null);
        }
    }

    /**
     * The calls that deliver the batch, given the tenant's mappings of its assets (rows of {@code asset_id},
     * {@code table_fqn}): definitions first, then each delivery's test case and result, or its removal. A delivery
     * whose asset is not mapped in OpenMetadata, or whose names no entity link can hold, fails at once.
     */
    public Plan plan(QualityBatch batch, List<Map<String, Object>> mappingRows, OpenMetadataVersion version) {
        Plan plan = new Plan(batch);
        Map<String, String> tableFqns = plan.tableFqns;
        mappingRows.forEach(row -> tableFqns.put((String) row.get("asset_id"), (String) row.get("table_fqn")));
        Map<String, Call> definitions = new LinkedHashMap<>();
        List<Call> perDelivery = new ArrayList<>();
        for (ClaimedDelivery delivery : batch.deliveries()) {
            String tableFqn = tableFqns.get(delivery.assetId());
            if (tableFqn == null) {
                plan.unmapped(delivery);
                continue;
            }
            OpenMetadataQuality.TestDefinition definition = quality.definition(delivery.ruleKey(),
                    delivery.column() != null, delivery.ruleName(), delivery.ruleDescription());
            OpenMetadataQuality.TestCase testCase;
            try {
                testCase = quality.testCase(tableFqn, delivery.ruleKey(), delivery.column(), definition, version);
            } catch (IllegalArgumentException e) {
                plan.fail(delivery, "OpenMetadata cannot link a test case to it: " + e.getMessage());
                continue;
            }
            String caseFqn = OpenMetadataFqn.encodeAsPathSegment(testCase.fullyQualifiedName());
            if (delivery.removal()) {
                perDelivery.add(new Call(Kind.REMOVAL, "DELETE", OpenMetadataQuality.TEST_CASES_PATH + "/name/" + caseFqn,
                        "hardDelete=true", null, delivery, "test case " + testCase.fullyQualifiedName()));
                continue;
            }
            definitions.computeIfAbsent(definition.name(), name -> new Call(Kind.DEFINITION, "POST",
                    OpenMetadataQuality.DEFINITIONS_PATH, null, json(definition), null, "test definition " + name));
            perDelivery.add(new Call(Kind.CASE, "POST", OpenMetadataQuality.TEST_CASES_PATH, null, json(testCase),
                    delivery, "test case " + testCase.fullyQualifiedName()));
            OpenMetadataQuality.ResultCall result = quality.result(testCase, delivery, version);
            perDelivery.add(new Call(Kind.RESULT, result.method(), result.path(), null, json(result.body()), delivery,
                    "result of test case " + testCase.fullyQualifiedName()));
        }
        plan.calls.addAll(definitions.values());
        plan.calls.addAll(perDelivery);
        return plan;
    }

    /** Whether the call is still to be made: a delivery already judged (its case was refused) needs no more calls. */
    public boolean needed(Plan plan, Call call) {
        return call.delivery() == null || !plan.judged.contains(call.delivery());
    }

    /**
     * Judges OpenMetadata's answer to a call ({@code status} a 2xx, 404 or 409; anything else has thrown already):
     * 409 is what exists (done); 404 means the table (or, for a removal, the test case) is not there: a result's table
     * gone fails its delivery, a removal of what is gone is done. A definition OpenMetadata will not take fails the
     * whole batch, to be retried.
     */
    public void judge(Plan plan, Call call, int status, String body) {
        boolean done = status >= 200 && status < 300 || status == 409;
        switch (call.kind()) {
            case DEFINITION -> {
                if (!done) {
                    throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata answered " + call.method()
                            + " " + call.path() + " for " + call.what() + " with " + status);
                }
            }
            case CASE -> {
                if (!done) {
                    plan.fail(call.delivery(), "OpenMetadata has no table for " + call.what() + " (HTTP " + status
                            + "): the table is gone or was renamed; map the asset again");
                }
            }
            case RESULT -> {
                if (done) {
                    plan.deliver(call.delivery());
                } else {
                    plan.fail(call.delivery(), "OpenMetadata has no " + call.what() + " (HTTP " + status + ")");
                }
            }
            case REMOVAL -> plan.deliver(call.delivery());
            default -> throw new IllegalStateException("Unknown call kind " + call.kind());
        }
    }

    private String json(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A quality payload is always JSON", e);
        }
    }
}
