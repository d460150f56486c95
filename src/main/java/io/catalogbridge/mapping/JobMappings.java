package io.catalogbridge.mapping;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A wing's mappings as its finished jobs report them: the job stores each mapped asset's mapping as JSON in
 * {@code mapping_job_asset.mapping}, in the catalog's documented shape (which names the asset in {@code asset_id}), and
 * the report reads it back into the wing's mapping type, so that its fields keep their documented order. One bean per
 * catalog; {@link MappingJobs#report} picks it by the job's catalog.
 */
public interface JobMappings<M> {

    /** The catalog's id, as in the job's {@code catalog} column. */
    String catalog();

    /** The wing's mapping record, which the stored JSON of a MAPPED asset is read into. */
    Class<M> mappingType();

    /** The asset a mapping is of (the {@code asset_id} of its documented shape). */
    String assetId(M mapping);

    /**
     * Mappings a verification (or a manual request) writes, as the parameters of the wing's
     * {@code sql/<catalog>-mapping-upsert.sql}, a batch of up to {@link io.catalogbridge.api.Batches#SIZE} a
     * statement, built only as they are written; an asset already mapped keeps its mapping unless {@code overwrite}.
     * An automatic job stages its mappings instead ({@link #stagingFields}).
     */
    Iterator<Map<String, Object>> upsertBatches(String tenant, boolean overwrite, List<M> mappings);

    /**
     * The columns of a mapping as an automatic job stages it ({@code mapping_job_staging.fields}, a JSON object): by
     * name, what the wing's {@code sql/<catalog>-mapping-upsert-from-staging.sql} reads back into its mapping table
     * ({@code fields ->> 'name'}), its fields beyond the documented shape included. A value is written as JSON (a
     * number, a string, null); the statement casts it.
     */
    default Map<String, Object> stagingFields(M mapping) {
        throw new UnsupportedOperationException("The " + catalog() + " wing stages no mappings: it has no "
                + "stagingFields, so its automatic jobs cannot write");
    }
}
