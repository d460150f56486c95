package io.catalogbridge.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to starting a mapping job: an automatic run, its preview, or a verification. */
public record MappingJobStarted(@JsonProperty("message") String message, @JsonProperty("job_id") String jobId) {

    /** @param catalogName the catalog's display name, as in "Creating <name> mappings started" */
    public static MappingJobStarted of(String jobId, String catalogName) {
        return new MappingJobStarted("Creating " + catalogName + " mappings started", jobId);
    }

    /** An automatic run ("Creating ..."), or its preview ("Previewing ..."). */
    public static MappingJobStarted of(String jobId, String catalogName, boolean dryRun) {
        return dryRun ? new MappingJobStarted("Previewing " + catalogName + " mappings started", jobId)
                : of(jobId, catalogName);
    }

    public static MappingJobStarted verification(String jobId, String catalogName) {
        return new MappingJobStarted("Verifying " + catalogName + " mappings started", jobId);
    }
}
