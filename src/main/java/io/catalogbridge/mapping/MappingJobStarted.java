package io.catalogbridge.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to starting an automatic mapping job. */
public record MappingJobStarted(@JsonProperty("message") String message, @JsonProperty("job_id") String jobId) {

    public static MappingJobStarted of(String jobId) {
        return new MappingJobStarted("Creating Alation mappings started", jobId);
    }
}
