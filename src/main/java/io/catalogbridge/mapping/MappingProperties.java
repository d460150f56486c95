package io.catalogbridge.mapping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The automatic mapping job ({@code catalog-bridge.mapping.*}).
 *
 * @param targetedPlanMaxQueries the most listings the targeted plan may take before the full-catalog plan is cheaper
 * @param progressInterval how often a running job writes its progress
 * @param retryUnrecordedRunAfter when a run could neither finish nor record its failure (the database was down),
 *     the job engine runs it again this much later
 * @param scheduledVerificationTimeout how long a scheduled sweep waits for one tenant's verification before it goes
 *     on to the next tenant (the verification itself goes on)
 */
@ConfigurationProperties("catalog-bridge.mapping")
public record MappingProperties(Integer targetedPlanMaxQueries, Duration progressInterval,
        Duration retryUnrecordedRunAfter, Duration scheduledVerificationTimeout) {

    public MappingProperties {
        targetedPlanMaxQueries = targetedPlanMaxQueries == null ? 100 : targetedPlanMaxQueries;
        progressInterval = progressInterval == null ? Duration.ofSeconds(2) : progressInterval;
        retryUnrecordedRunAfter = retryUnrecordedRunAfter == null ? Duration.ofSeconds(30) : retryUnrecordedRunAfter;
        scheduledVerificationTimeout = scheduledVerificationTimeout == null ? Duration.ofHours(2)
                : scheduledVerificationTimeout;
    }
}
