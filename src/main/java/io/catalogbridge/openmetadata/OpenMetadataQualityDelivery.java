package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.quality.QualityBatch;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's delivery of a tenant's quality batch, for {@code routes/openmetadata/quality-delivery.camel.yaml}:
 * each result becomes its rule's test definition (created once a batch; a 409 says it exists), before 1.6 its
 * table's executable test suite (the same way), its test case on the mapped table or column, and a test case result;
 * a removal hard-deletes the test case. A result follows its asset's mapping: when OpenMetadata holds its copy on
 * another table than the one the asset is mapped to now (the delivery's {@code deliveredTo}), or the asset is no
 * longer mapped, the old test case is hard-deleted first. Every call may be sent again: a create of what exists
 * answers 409, a result at a timestamp already stored answers 409 and a delete of what is gone 404, all taken as
 * done, so a batch the core retries after a failure delivers nothing twice. The payloads are
 * {@link OpenMetadataQuality}'s.
 *
 * <p>The server's version (where results go, whether a test case needs a suite) is asked once per tenant and
 * integration version, and asked again after {@code catalog-bridge.openmetadata.quality.version-cache-ttl}
 * (an upgraded server is seen within that time; a changed integration at once).
 */
@Component("openmetadataQualityDelivery")
public class OpenMetadataQualityDelivery {

    /**
     * What a call is for: a delivery's verdict follows from its case, result or removal call; a MOVE deletes the
     * copy on the table the asset left (the delivery goes on), an UNMAP the copy of an asset no longer mapped (its
     * verdict is NOT_MAPPED).
     */
    public enum Kind { DEFINITION, SUITE, MOVE, UNMAP, CASE, RESULT, REMOVAL }

    /** One call of the plan, in order; {@code delivery} is null for a definition or a suite (they serve several). */
    public record Call(Kind kind, String method, String path, String query, String body, ClaimedDelivery delivery,
            String what) {
    }

    /** The batch's calls, and the deliveries already judged (their later calls are skipped). */
    public static final class Plan {
        private final QualityBatch batch;
        private final List<Call> calls = new ArrayList<>();
        private final Set<ClaimedDelivery> judged = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, String> tableFqns = new HashMap<>();
        private final Map<String, String> tableIds = new HashMap<>();

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

        /** OpenMetadata does not know the asset's table: the delivery fails and its mapping is marked stale. */
        void unknownTable(ClaimedDelivery delivery, String reason) {
            judged.add(delivery);
            String tableId = tableIds.get(delivery.assetId());
            if (tableId == null) {
                batch.failed(delivery, reason);
            } else {
                batch.unknownTable(delivery, tableId, reason);
            }
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

    /** A server's version as last asked, for one integration version of a tenant. */
    private record KnownVersion(long integrationVersion, String url, OpenMetadataVersion version, Instant askedAt) {
    }

    private final ObjectMapper objectMapper;
    private final OpenMetadataQuality quality = new OpenMetadataQuality(null, false);
    private final Duration versionCacheTtl;
    private final Clock clock;
    private final Map<String, KnownVersion> versions = new ConcurrentHashMap<>();

    @Autowired
    public OpenMetadataQualityDelivery(ObjectMapper objectMapper,
            @Value("${catalog-bridge.openmetadata.quality.version-cache-ttl:10m}") Duration versionCacheTtl) {
        this(objectMapper, versionCacheTtl, Clock.systemUTC());
    }

    OpenMetadataQualityDelivery(ObjectMapper objectMapper, Duration versionCacheTtl, Clock clock) {
        this.objectMapper = objectMapper;
        this.versionCacheTtl = versionCacheTtl;
        this.clock = clock;
    }

    /**
     * The server's version as asked for this connection (the same integration version) less than the cache's time
     * to live ago, or null: then the route asks {@code GET /v1/system/version} and gives the answer to
     * {@link #version(OpenMetadataConnection, byte[])}.
     */
    public OpenMetadataVersion knownVersion(OpenMetadataConnection connection) {
        KnownVersion known = versions.get(connection.tenant());
        if (known == null || known.integrationVersion() != connection.version() || !known.url().equals(connection.url())
                || !clock.instant().isBefore(known.askedAt().plus(versionCacheTtl))) {
            return null;
        }
        return known.version();
    }

    /**
     * The server's version from {@code GET /v1/system/version}; unreadable is taken as the oldest (1.4's paths) and
     * not kept, so that the next batch asks again. A readable one is kept for the connection.
     */
    public OpenMetadataVersion version(OpenMetadataConnection connection, byte[] body) {
        OpenMetadataVersion version = readVersion(body);
        if (version.version() != null) {
            versions.put(connection.tenant(), new KnownVersion(connection.version(), connection.url(), version,
                    clock.instant()));
        }
        return version;
    }

    /** The version an answer of {@code GET /v1/system/version} names; unreadable: the version null. */
    OpenMetadataVersion readVersion(byte[] body) {
        try {
            OpenMetadataVersion version = body == null ? null : objectMapper.readValue(body, OpenMetadataVersion.class);
            return version == null ? new OpenMetadataVersion(null) : version;
        } catch (IOException e) {
            return new OpenMetadataVersion(null);
        }
    }

    /**
     * The calls that deliver the batch, given the tenant's mappings of its assets (rows of {@code asset_id},
     * {@code table_fqn}, {@code table_id}): definitions first, then (before 1.6) the suites of the tables that get
     * test cases, then each delivery's calls in order: the removal of its old copy when it moved (or its asset is no longer mapped),
     * then its test case and result; or its removal. A removal deletes the copy where OpenMetadata holds it
     * ({@code deliveredTo}), else at the asset's table, else there is nothing to remove. A delivery whose names no
     * entity link can hold fails at once.
     */
    public Plan plan(QualityBatch batch, List<Map<String, Object>> mappingRows, OpenMetadataVersion version) {
        Plan plan = new Plan(batch);
        Map<String, String> tableFqns = plan.tableFqns;
        mappingRows.forEach(row -> {
            tableFqns.put((String) row.get("asset_id"), (String) row.get("table_fqn"));
            if (row.get("table_id") != null) {
                plan.tableIds.put((String) row.get("asset_id"), (String) row.get("table_id"));
            }
        });
        Map<String, Call> definitions = new LinkedHashMap<>();
        Map<String, Call> suites = new LinkedHashMap<>();
        List<Call> perDelivery = new ArrayList<>();
        for (ClaimedDelivery delivery : batch.deliveries()) {
            String tableFqn = tableFqns.get(delivery.assetId());
            String heldAt = delivery.deliveredTo();
            OpenMetadataQuality.TestDefinition definition = quality.definition(delivery.ruleKey(),
                    delivery.column() != null, delivery.ruleName(), delivery.ruleDescription());
            if (delivery.removal()) {
                String at = heldAt != null ? heldAt : tableFqn;
                if (at == null) {
                    plan.deliver(delivery); // OpenMetadata holds nothing of it
                    continue;
                }
                Call removal = deletion(Kind.REMOVAL, at, delivery, definition, version, plan);
                if (removal != null) {
                    perDelivery.add(removal);
                }
                continue;
            }
            if (heldAt != null && !heldAt.equals(tableFqn)) {
                // the copy is on the table the asset left, or the asset has none now: it goes first
                Call away = deletion(tableFqn == null ? Kind.UNMAP : Kind.MOVE, heldAt, delivery, definition, version,
                        plan);
                if (away == null) {
                    continue;
                }
                perDelivery.add(away);
            }
            if (tableFqn == null) {
                if (heldAt == null) {
                    plan.unmapped(delivery);
                }
                continue; // else the UNMAP call's answer gives the verdict
            }
            OpenMetadataQuality.TestCase testCase;
            try {
                testCase = quality.testCase(tableFqn, delivery.ruleKey(), delivery.column(), definition, version);
            } catch (IllegalArgumentException e) {
                plan.fail(delivery, "OpenMetadata cannot link a test case to it: " + e.getMessage());
                continue;
            }
            definitions.computeIfAbsent(definition.name(), name -> new Call(Kind.DEFINITION, "POST",
                    OpenMetadataQuality.DEFINITIONS_PATH, null, json(definition), null, "test definition " + name));
            if (testCase.testSuite() != null) {
                suites.computeIfAbsent(tableFqn, fqn -> new Call(Kind.SUITE, "POST",
                        OpenMetadataQuality.EXECUTABLE_SUITES_PATH, null, json(quality.suite(fqn)), null,
                        "executable test suite of table " + fqn));
            }
            perDelivery.add(new Call(Kind.CASE, "POST", OpenMetadataQuality.TEST_CASES_PATH, null, json(testCase),
                    delivery, "test case " + testCase.fullyQualifiedName()));
            OpenMetadataQuality.ResultCall result = quality.result(testCase, delivery, version);
            perDelivery.add(new Call(Kind.RESULT, result.method(), result.path(), null, json(result.body()), delivery,
                    "result of test case " + testCase.fullyQualifiedName()));
        }
        plan.calls.addAll(definitions.values());
        plan.calls.addAll(suites.values());
        plan.calls.addAll(perDelivery);
        return plan;
    }

    /** The hard delete of the delivery's test case on the table {@code tableFqn}; null (the delivery failed) when unlinkable. */
    private Call deletion(Kind kind, String tableFqn, ClaimedDelivery delivery,
            OpenMetadataQuality.TestDefinition definition, OpenMetadataVersion version, Plan plan) {
        OpenMetadataQuality.TestCase testCase;
        try {
            testCase = quality.testCase(tableFqn, delivery.ruleKey(), delivery.column(), definition, version);
        } catch (IllegalArgumentException e) {
            plan.fail(delivery, "OpenMetadata cannot link a test case to it: " + e.getMessage());
            return null;
        }
        String caseFqn = OpenMetadataFqn.encodeAsPathSegment(testCase.fullyQualifiedName());
        return new Call(kind, "DELETE", OpenMetadataQuality.TEST_CASES_PATH + "/name/" + caseFqn, "hardDelete=true",
                null, delivery, "test case " + testCase.fullyQualifiedName());
    }

    /** Whether the call is still to be made: a delivery already judged (its case was refused) needs no more calls. */
    public boolean needed(Plan plan, Call call) {
        return call.delivery() == null || !plan.judged.contains(call.delivery());
    }

    /**
     * Judges OpenMetadata's answer to a call ({@code status} a 2xx, 404 or 409; anything else has thrown already):
     * 409 is what exists (done); 404 means the table (or, for a deletion, the test case) is not there: a result's table
     * gone fails its delivery, a deletion of what is gone is done, a suite's table gone is left to its test cases'
     * calls (which fail). A definition OpenMetadata will not take fails the whole batch, to be retried.
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
            case SUITE, MOVE -> {
                // a suite's table gone: its cases answer 404 and fail; a moved copy gone: nothing to remove
            }
            case CASE -> {
                if (!done) {
                    plan.unknownTable(call.delivery(), "OpenMetadata has no table for " + call.what() + " (HTTP "
                            + status + "): the table is gone or was renamed; map the asset again");
                }
            }
            case RESULT -> {
                if (done) {
                    plan.deliver(call.delivery());
                } else {
                    plan.fail(call.delivery(), "OpenMetadata has no " + call.what() + " (HTTP " + status + ")");
                }
            }
            case UNMAP -> plan.unmapped(call.delivery());
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
