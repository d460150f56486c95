package io.catalogbridge.alation.simulator;

import java.util.Set;

/**
 * How the simulator takes writes (data quality, trust flags, the rich-text custom field).
 *
 * @param jobs             how bulk jobs run at start ({@link JobBehaviour}; switchable at run time)
 * @param cloudNative      a custom-field write starts two jobs, the second's id only in the first's result text, as
 *                         on cloud-native Alation; off: one job
 * @param richTextFieldIds the rich-text custom fields that exist (ids), e.g. 10012
 * @param maxQualityItems  the most fields, and the most values, one data-quality call may hold (each list on its own)
 */
public record WriteSettings(JobBehaviour jobs, boolean cloudNative, Set<Long> richTextFieldIds, int maxQualityItems) {

    /** The rich-text field of the demo: "Data Observability". */
    public static final long DEFAULT_RICH_TEXT_FIELD = 10012;

    /** Jobs running for one poll, cloud-native, field 10012, 1,000 items a data-quality call (Alation's SDK's). */
    public static final WriteSettings DEFAULT =
            new WriteSettings(JobBehaviour.DEFAULT, true, Set.of(DEFAULT_RICH_TEXT_FIELD), 1_000);

    public WriteSettings {
        if (jobs == null) {
            jobs = JobBehaviour.DEFAULT;
        }
        richTextFieldIds = Set.copyOf(richTextFieldIds);
        if (maxQualityItems < 1) {
            throw new IllegalArgumentException("maxQualityItems must be at least 1");
        }
    }

    public WriteSettings withJobs(JobBehaviour behaviour) {
        return new WriteSettings(behaviour, cloudNative, richTextFieldIds, maxQualityItems);
    }

    public WriteSettings withCloudNative(boolean twoJobs) {
        return new WriteSettings(jobs, twoJobs, richTextFieldIds, maxQualityItems);
    }

    public WriteSettings withRichTextFieldIds(Set<Long> ids) {
        return new WriteSettings(jobs, cloudNative, ids, maxQualityItems);
    }

    public WriteSettings withMaxQualityItems(int max) {
        return new WriteSettings(jobs, cloudNative, richTextFieldIds, max);
    }
}
