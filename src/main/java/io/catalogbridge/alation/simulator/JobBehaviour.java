package io.catalogbridge.alation.simulator;

import java.time.Duration;

/**
 * How the simulator's bulk jobs ({@code GET /api/v1/bulk_metadata/job/?id=}) run: a job answers "running" to its
 * first {@code runningPolls} polls and for at least {@code runningFor} after it was posted, then
 * {@value #UNKNOWN_STATUS} (a status Alation's SDK knows but never treats as finished) to the next
 * {@code unknownStatusPolls} polls, then ends as {@code outcome} says. A job takes the behaviour current when it is
 * created, so a change never alters a job already under way.
 *
 * @param runningPolls       polls answered "running" first (0: the first poll may already end the job)
 * @param runningFor         the least time a job runs
 * @param outcome            how it ends
 * @param unknownStatusPolls polls answered {@value #UNKNOWN_STATUS} between running and the end
 */
public record JobBehaviour(int runningPolls, Duration runningFor, Outcome outcome, int unknownStatusPolls) {

    /** What a bulk job's status poll says once it is neither running nor finished. */
    public static final String UNKNOWN_STATUS = "partially_successful";

    /** The default: the first poll answers "running", the second ends the job successfully. */
    public static final JobBehaviour DEFAULT = new JobBehaviour(1, Duration.ZERO, Outcome.SUCCEED, 0);

    /** How a job ends. */
    public enum Outcome {
        /** "successful": its writes are applied at that moment. */
        SUCCEED,
        /** "failed": nothing is applied. */
        FAIL,
        /** It stays "running" for ever (for a client's timeout). */
        NEVER_END
    }

    public JobBehaviour {
        if (runningPolls < 0 || unknownStatusPolls < 0) {
            throw new IllegalArgumentException("job polls may not be negative");
        }
        if (runningFor == null || runningFor.isNegative()) {
            throw new IllegalArgumentException("runningFor must be zero or positive");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
    }

    public JobBehaviour withRunningPolls(int polls) {
        return new JobBehaviour(polls, runningFor, outcome, unknownStatusPolls);
    }

    public JobBehaviour withRunningFor(Duration time) {
        return new JobBehaviour(runningPolls, time, outcome, unknownStatusPolls);
    }

    public JobBehaviour withOutcome(Outcome ending) {
        return new JobBehaviour(runningPolls, runningFor, ending, unknownStatusPolls);
    }

    public JobBehaviour withUnknownStatusPolls(int polls) {
        return new JobBehaviour(runningPolls, runningFor, outcome, polls);
    }
}
