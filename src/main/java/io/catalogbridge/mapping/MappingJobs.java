package io.catalogbridge.mapping;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.database.SqlQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The life of automatic mapping jobs, for the pipelines in {@code routes/mapping/auto-mapping.camel.yaml}. */
@Component("mappingJobs")
public class MappingJobs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MappingJobs.class);

    private final SchedulerClient scheduler;
    private final ObjectProvider<Scheduler> engine;
    private final SqlQueries queries;
    private final MappingProperties properties;
    private final ObjectMapper objectMapper;
    private final Map<String, JobMappings<?>> mappingsByCatalog;

    public MappingJobs(@Lazy SchedulerClient scheduler, ObjectProvider<Scheduler> engine, ObjectMapper objectMapper,
            List<JobMappings<?>> wings, SqlQueries queries, MappingProperties properties) {
        this.scheduler = scheduler;
        this.engine = engine;
        this.queries = queries;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.mappingsByCatalog = wings.stream().collect(Collectors.toUnmodifiableMap(JobMappings::catalog, w -> w));
    }

    /** The kinds of mapping job: match the assets to the catalog's tables, or check the mappings against it. */
    public static final String AUTO = "auto";
    public static final String VERIFY = "verify";

    /** How the log names a job of the kind: "Automatic mapping job" (a run or its preview) or "Verification job". */
    public String label(String kind) {
        return VERIFY.equals(kind) ? "Verification job" : "Automatic mapping job";
    }

    /** Named parameters of {@code sql/mapping-job-insert.sql} for a new automatic job (or its preview). */
    public Map<String, Object> newJob(String tenant, String catalog, boolean shouldOverwrite, boolean dryRun) {
        return newJob(tenant, catalog, AUTO, shouldOverwrite, dryRun, false);
    }

    /** Named parameters of {@code sql/mapping-job-insert.sql} for a new verification of the catalog's mappings. */
    public Map<String, Object> newVerification(String tenant, String catalog, boolean repair) {
        return newJob(tenant, catalog, VERIFY, false, false, repair);
    }

    private static Map<String, Object> newJob(String tenant, String catalog, String kind, boolean shouldOverwrite,
            boolean dryRun, boolean repair) {
        return Map.of("job_id", UUID.randomUUID(), "tenant_id", tenant, "catalog", catalog, "kind", kind,
                "should_overwrite", shouldOverwrite, "dry_run", dryRun, "repair", repair);
    }

    /** The tenant already has a job running (the insert found the one-running-job index taken): 409 naming it. */
    public void alreadyRunning(String tenant, List<Map<String, Object>> running) {
        String jobId = running.isEmpty() ? null : String.valueOf(running.get(0).get("job_id"));
        throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT,
                "A mapping job (an automatic run, its preview or a verification) is already running for tenant "
                        + tenant
                        + (jobId == null ? "" : ": " + jobId), List.of(),
                jobId == null ? Map.of() : Map.of("job_id", jobId));
    }

    /**
     * Waits until the job is no longer IN_PROGRESS (whichever replica runs it), polling its row every second, for
     * at most {@code scheduled-verification-timeout}: a scheduled sweep runs one tenant's job at a time.
     */
    public void awaitEnd(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + properties.scheduledVerificationTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = queries.rows("mapping-job-select-to-run.sql", Map.of("jobId", jobId));
            if (rows.isEmpty() || !"IN_PROGRESS".equals(rows.get(0).get("status"))) {
                return;
            }
            Thread.sleep(1000);
        }
        log.warn("Mapping job {} still runs after {}; the scheduled sweep goes on", jobId,
                properties.scheduledVerificationTimeout());
    }

    /**
     * Queues the job for one replica to run, now. Inside a transaction (the job's row and its execution are written
     * together), the engine's "run it now" hint would come before the commit, when the execution cannot be seen yet,
     * and the job would wait for the next poll (up to {@code db-scheduler.polling-interval}): this replica's engine
     * is asked to look again once the transaction has committed.
     */
    public void schedule(String jobId) {
        scheduler.scheduleIfNotExists(MappingJobConfiguration.AUTO_MAPPING.instance(jobId).data(jobId)
                .scheduledTo(Instant.now()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.ifAvailable(Scheduler::triggerCheckForDueExecutions);
                }
            });
        }
    }

    /**
     * A job's row and its per-asset outcomes ({@code sql/mapping-job-asset-select.sql}), as the API shows them: its
     * mappings in its catalog's shape, ambiguous assets' candidates as the catalog's ids (numbers or strings, as
     * stored); a preview's changes and leaves, a verification's findings.
     */
    public MappingJobReport report(Map<String, Object> job, List<Map<String, Object>> assets) {
        JobMappings<?> mappings = wing((String) job.get("catalog"));
        JavaType mappingType = objectMapper.constructType(mappings.mappingType());
        boolean verification = VERIFY.equals(job.get("kind"));
        boolean dryRun = Boolean.TRUE.equals(job.get("dry_run"));
        List<Object> result = new ArrayList<>();
        List<MappingJobReport.Unmapped> ambiguous = new ArrayList<>();
        List<MappingJobReport.Unmapped> unmatched = new ArrayList<>();
        List<Object> wouldCreate = new ArrayList<>();
        List<MappingJobReport.Change> wouldChange = new ArrayList<>();
        List<MappingJobReport.Left> wouldLeave = new ArrayList<>();
        Map<String, List<MappingJobReport.Drift>> drift = Map.of("RENAMED", new ArrayList<>(),
                "MOVED", new ArrayList<>(), "GONE", new ArrayList<>());
        for (Map<String, Object> row : assets) {
            String assetId = (String) row.get("asset_id");
            String outcome = (String) row.get("outcome");
            Object mapping = row.get("mapping") == null ? null
                    : stored((String) row.get("mapping"), "mapping_job_asset.mapping", mappingType);
            Object previousTableId = row.get("previous_table_id") == null ? null
                    : stored((String) row.get("previous_table_id"), "mapping_job_asset.previous_table_id",
                            objectMapper.constructType(Object.class));
            switch (outcome) {
                case "MAPPED" -> {
                    if (!dryRun) {
                        result.add(mapping);
                    } else if (previousTableId == null) {
                        wouldCreate.add(mapping);
                    } else {
                        wouldChange.add(new MappingJobReport.Change(assetId, previousTableId, mapping));
                    }
                }
                case "LEFT" -> wouldLeave.add(new MappingJobReport.Left(assetId, previousTableId,
                        (String) row.get("reason")));
                case "AMBIGUOUS" -> ambiguous.add(new MappingJobReport.Unmapped(assetId, (String) row.get("reason"),
                        candidates((String) row.get("candidate_table_ids"))));
                case "UNMATCHED" -> unmatched.add(new MappingJobReport.Unmapped(assetId, (String) row.get("reason"),
                        null));
                default -> {
                    boolean repaired = Boolean.TRUE.equals(row.get("repaired"));
                    Object previous = stored((String) row.get("previous_mapping"), "mapping_job_asset.previous_mapping",
                            mappingType);
                    drift.get(outcome).add(new MappingJobReport.Drift(assetId, outcome, (String) row.get("reason"),
                            previous, mapping, repaired));
                    if (mapping != null && ("RENAMED".equals(outcome) || repaired)) {
                        result.add(mapping);
                    }
                }
            }
        }
        MappingJobReport.Summary summary = verification
                ? new MappingJobReport.Summary(null, null, null, null, null, integer(job, "assets"),
                        integer(job, "ok"), integer(job, "renamed"), integer(job, "moved"), integer(job, "gone"),
                        integer(job, "repaired"))
                : new MappingJobReport.Summary(integer(job, "assets"), integer(job, "mapped"),
                        integer(job, "unchanged"), integer(job, "ambiguous"), integer(job, "unmatched"),
                        null, null, null, null, null, null);
        MappingJobReport.Progress progress = new MappingJobReport.Progress((String) job.get("plan"),
                number(job, "pages_read"), number(job, "tables_read"),
                integer(job, "attempts"),
                skipped((String) job.get("objects_skipped")));
        return new MappingJobReport(String.valueOf(job.get("job_id")), (String) job.get("status"),
                (String) job.get("error_message"), result, summary, progress,
                verification ? null : ambiguous, verification ? null : unmatched,
                (String) job.get("kind"), dryRun, verification ? Boolean.TRUE.equals(job.get("repair")) : null,
                dryRun ? wouldCreate : null, dryRun ? wouldChange : null, dryRun ? wouldLeave : null,
                verification ? drift.get("RENAMED") : null, verification ? drift.get("MOVED") : null,
                verification ? drift.get("GONE") : null);
    }

    /** The mappings of a catalog's wing; every catalog a job may name has one. */
    JobMappings<?> wing(String catalog) {
        JobMappings<?> mappings = mappingsByCatalog.get(catalog);
        if (mappings == null) {
            throw new IllegalStateException("No wing writes or reports mappings of catalog " + catalog);
        }
        return mappings;
    }

    /**
     * What a failed job tells its user: a problem's own message (it names the endpoint and the cause); for anything
     * else the kind of failure only, never its raw text (a parser's message names Java classes, and may quote data):
     * the full failure goes to the log.
     */
    public String failureMessage(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException) {
                return t.getMessage();
            }
            innermost = t;
        }
        log.warn("Automatic mapping job failed unexpectedly", failure);
        return "The job failed unexpectedly (" + innermost.getClass().getSimpleName()
                + "); the service log has the details";
    }

    private SkippedObjects.Report skipped(String json) {
        return json == null ? SkippedObjects.Report.NONE
                : stored(json, "mapping_job.objects_skipped", objectMapper.constructType(SkippedObjects.Report.class));
    }

    /** The candidates as Jackson reads the stored array: the catalog's numbers stay numbers, its strings strings. */
    private List<Object> candidates(String json) {
        return json == null ? List.of() : stored(json, "mapping_job_asset.candidate_table_ids",
                objectMapper.getTypeFactory().constructCollectionType(List.class, Object.class));
    }

    private <T> T stored(String json, String column, JavaType type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column + " holds what the job wrote, always JSON", e);
        }
    }

    /** A column's number, 0 when the row has none. */
    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Integer integer(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).intValue();
    }
}
