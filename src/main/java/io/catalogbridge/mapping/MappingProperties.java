package io.catalogbridge.mapping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The automatic mapping job ({@code catalog-bridge.mapping.*}).
 *
 * @param targetedPlanMaxQueries the most listings the targeted plan may take before the full-catalog plan is cheaper
 * @param progressInterval how often a running job writes its progress
 */
@ConfigurationProperties("catalog-bridge.mapping")
public record MappingProperties(int targetedPlanMaxQueries, Duration progressInterval) {

    public MappingProperties {
        targetedPlanMaxQueries = targetedPlanMaxQueries == 0 ? 100 : targetedPlanMaxQueries;
        progressInterval = progressInterval == null ? Duration.ofSeconds(2) : progressInterval;
    }
}
