package io.catalogbridge.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects of a catalog's listings that could not be used (a table without its data source's id, a field of the
 * wrong type, ...) and were passed over: how many, and a bounded sample of which and why. One per operation, carried
 * in a property of the wing's; safe to read while pages are still being
 * counted in. An id is the catalog's: a number or a string (a UUID), as the catalog gave it.
 */
public final class SkippedObjects {

    /** The sample holds the first this many skipped objects. */
    public static final int SAMPLE_SIZE = 10;

    /** One skipped object: its kind ({@code table}, {@code schema}, {@code data source}), its id if it had one, why. */
    public record Skipped(
            @JsonProperty("object") String object,
            @JsonProperty("id") @JsonInclude(JsonInclude.Include.ALWAYS) Object id,
            @JsonProperty("reason") String reason) {
    }

    /** The count and the sample, as a job reports them ({@code progress.objects_skipped}). */
    public record Report(
            @JsonProperty("count") long count,
            @JsonProperty("sample") List<Skipped> sample) {

        public static final Report NONE = new Report(0, List.of());
    }

    private long count;
    private final List<Skipped> sample = new ArrayList<>();

    public static SkippedObjects create() {
        return new SkippedObjects();
    }

    /** Counts one skipped object in; answers whether it went into the sample (worth a log line). */
    public synchronized boolean add(String object, Object id, String reason) {
        count++;
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(new Skipped(object, id, reason));
            return true;
        }
        return false;
    }

    public synchronized long count() {
        return count;
    }

    /** The first skipped object of this kind with this id, if it is in the sample. */
    public synchronized Skipped find(String object, Object id) {
        return sample.stream().filter(s -> s.object().equals(object) && s.id() != null && s.id().equals(id))
                .findFirst().orElse(null);
    }

    public synchronized Report report() {
        return new Report(count, List.copyOf(sample));
    }
}
