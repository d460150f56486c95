package io.catalogbridge.alation.simulator;

/**
 * What the simulated Alation holds of the writes it was sent, for tests to assert on: data-quality fields and values,
 * trust flags, rich-text custom-field values, and the bulk jobs (whose behaviour can be switched here at run time).
 * Each part is thread-safe; {@link #reset()} forgets everything at once, for tests that share a simulator.
 */
public final class QualityState {

    private final DataQualityStore dataQuality;
    private final TrustFlags flags;
    private final CustomFieldValues customFields;
    private final BulkJobs jobs;

    QualityState(DataQualityStore dataQuality, TrustFlags flags, CustomFieldValues customFields, BulkJobs jobs) {
        this.dataQuality = dataQuality;
        this.flags = flags;
        this.customFields = customFields;
        this.jobs = jobs;
    }

    /** Fields and values ({@code fields()}, {@code valuesOf(objectKey)}, {@code value(fieldKey, objectKey)}, ...). */
    public DataQualityStore dataQuality() {
        return dataQuality;
    }

    /** Trust flags ({@code on(tableId)}, {@code seed(userId, tableId, type, reason)}, ...). */
    public TrustFlags flags() {
        return flags;
    }

    /** Rich-text values ({@code value(fieldId, tableId)}, {@code all()}). */
    public CustomFieldValues customFields() {
        return customFields;
    }

    /** The jobs ({@code all()}, {@code job(id)}) and how new ones run ({@code behaviour(...)}). */
    public BulkJobs jobs() {
        return jobs;
    }

    /** Forgets every field, value, flag, custom-field value and job; the job behaviour stays as set. */
    public void reset() {
        dataQuality.reset();
        flags.reset();
        customFields.reset();
        jobs.reset();
    }
}
