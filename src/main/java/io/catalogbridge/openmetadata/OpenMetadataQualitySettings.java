package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the bridge does with the tenant's quality results in OpenMetadata, the integration's {@code quality} object
 * (always shown): {@code push} whether they are delivered as test cases and results (default true). With it off,
 * results are kept but not queued for OpenMetadata; turning it on queues every result again.
 */
public record OpenMetadataQualitySettings(@JsonProperty("push") boolean push) {

    /** What an integration without a {@code quality} object gets. */
    public static final OpenMetadataQualitySettings DEFAULTS = new OpenMetadataQualitySettings(true);
}
