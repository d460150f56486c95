package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alation's bulk jobs, which every asynchronous write answers with. A job advances only when it is polled: that is
 * when Alation's worker would have got to it, and it keeps the simulator free of threads and timers. Its writes are
 * applied, all at once, by the poll that ends it "successful"; a failed job applies nothing. Finished jobs keep their
 * result (a few hundred bytes) and drop what they were to write.
 */
public final class BulkJobs {

    public static final String RUNNING = "running";
    public static final String SUCCESSFUL = "successful";
    public static final String FAILED = "failed";

    /** Alation's "Job finished in ... at 2024-07-12 14:01:16.415484+00:00". */
    private static final DateTimeFormatter FINISHED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    /** What a job does when it ends successfully: applies its writes and gives its {@code result} as JSON. */
    @FunctionalInterface
    interface Work {
        String apply();
    }

    /** A job as a poll shows it; {@code result} is raw JSON (null while it runs or when it failed). */
    public record JobState(long id, String kind, String status, String msg, String result, int polls) {

        public boolean finished() {
            return status.equals(SUCCESSFUL) || status.equals(FAILED);
        }
    }

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(800); // realistic-looking ids that are no table's, schema's or flag's
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private volatile JobBehaviour behaviour;

    BulkJobs(JobBehaviour behaviour, Clock clock) {
        this.behaviour = behaviour;
        this.clock = clock;
    }

    /** How jobs created from now on run (jobs under way keep theirs). */
    public JobBehaviour behaviour() {
        return behaviour;
    }

    public void behaviour(JobBehaviour next) {
        behaviour = java.util.Objects.requireNonNull(next);
    }

    /** Starts a job of a {@code kind} (for the tests' eyes only) that applies {@code work} when it ends well. */
    long start(String kind, Work work) {
        long id = ids.incrementAndGet();
        jobs.put(id, new Job(id, kind, clock.instant(), behaviour, work));
        return id;
    }

    /** One poll: advances the job one step; empty for an unknown id. */
    Optional<JobState> poll(long id) {
        Job job = jobs.get(id);
        return job == null ? Optional.empty() : Optional.of(job.poll());
    }

    /** The job as it stands, without polling it. */
    public Optional<JobState> job(long id) {
        Job job = jobs.get(id);
        return job == null ? Optional.empty() : Optional.of(job.state());
    }

    /** Every job, in the order started. */
    public List<JobState> all() {
        return jobs.values().stream().map(Job::state).sorted(Comparator.comparingLong(JobState::id)).toList();
    }

    /** Forgets every job (ids keep counting up, so an old id never names a new job). */
    public void reset() {
        jobs.clear();
    }

    /** The href of a job's poll, as the 202 answers give it. */
    static String href(long id) {
        return "/api/v1/bulk_metadata/job/?id=" + id;
    }

    /** The 202 answer that starts a job: {@code {"job_id": 813, "href": "/api/v1/bulk_metadata/job/?id=813"}}. */
    static Reply accepted(long id) {
        return Reply.json(202, json -> {
            json.writeStartObject();
            json.writeNumberField("job_id", id);
            json.writeStringField("href", href(id));
            json.writeEndObject();
        });
    }

    /** The poll's answer: {@code {"status", "msg", "result"}}. */
    static Reply answer(JobState state) {
        return new Reply(200, SimulatorJson.APPLICATION_JSON, Map.of(), 0, SimulatorJson.bytes(256, json -> {
            json.writeStartObject();
            json.writeStringField("status", state.status());
            json.writeStringField("msg", state.msg());
            json.writeFieldName("result");
            if (state.result() == null) {
                json.writeNull();
            } else {
                json.writeRawValue(state.result());
            }
            json.writeEndObject();
        }), null);
    }

    /** A result that is a list of texts, as the custom-field jobs give. */
    static String texts(String... texts) {
        return new String(SimulatorJson.bytes(128, json -> {
            json.writeStartArray();
            for (String text : texts) {
                json.writeString(text);
            }
            json.writeEndArray();
        }), StandardCharsets.UTF_8);
    }

    /** One job; its steps are taken under its own lock, so two polls at once never both end it. */
    private final class Job {
        private final long id;
        private final String kind;
        private final Instant created;
        private final JobBehaviour behaviour;
        private Work work;
        private int polls;
        private int unknownAnswered;
        private String status = RUNNING;
        private String msg = "Job is running";
        private String result;

        Job(long id, String kind, Instant created, JobBehaviour behaviour, Work work) {
            this.id = id;
            this.kind = kind;
            this.created = created;
            this.behaviour = behaviour;
            this.work = work;
        }

        synchronized JobState poll() {
            if (work == null) { // ended: polls no longer change it
                return state();
            }
            polls++;
            Duration age = Duration.between(created, clock.instant());
            if (polls <= behaviour.runningPolls() || age.compareTo(behaviour.runningFor()) < 0
                    || behaviour.outcome() == JobBehaviour.Outcome.NEVER_END) {
                return state();
            }
            if (unknownAnswered < behaviour.unknownStatusPolls()) {
                unknownAnswered++;
                status = JobBehaviour.UNKNOWN_STATUS;
                msg = "Job is partially done";
                return state();
            }
            long started = System.nanoTime();
            if (behaviour.outcome() == JobBehaviour.Outcome.FAIL) {
                status = FAILED;
                msg = "Job failed: the simulator was told to fail it";
            } else {
                result = work.apply();
                status = SUCCESSFUL;
                msg = String.format(java.util.Locale.ROOT, "Job finished in %.6f seconds at %s",
                        (System.nanoTime() - started) / 1e9, FINISHED_AT.format(clock.instant()));
            }
            work = null;
            return state();
        }

        synchronized JobState state() {
            return new JobState(id, kind, status, msg, result, polls);
        }
    }
}
