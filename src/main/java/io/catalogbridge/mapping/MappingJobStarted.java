package io.catalogbridge.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to starting an automatic mapping job. */
public record MappingJobStarted(@JsonProperty("message") String message, @JsonProperty("job_id") String jobId) {

    /** @param catalogName the catalog's display name, as in "Creating <name> mappings started" */
    public static MappingJobStarted of(String jobId, String catalogName) {
        return new MappingJobStarted("Creating " + catalogName + " mappings started", jobId);
    }
}
