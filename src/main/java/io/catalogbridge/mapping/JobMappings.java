package io.catalogbridge.mapping;

import java.util.Map;

/**
 * A wing's mappings as its finished jobs report them: the job writes each mapped asset's row (the columns of
 * {@code mapping_job_asset}), and the wing says which mapping that row is, in its catalog's documented shape. One bean
 * per catalog; {@link MappingJobs#report} picks it by the job's catalog.
 */
public interface JobMappings<M> {

    /** The catalog's id, as in the job's {@code catalog} column. */
    String catalog();

    /** The mapping a MAPPED row of {@code mapping_job_asset} stands for. */
    M fromJobRow(Map<String, Object> row);

    /** A column's number, 0 when the row has none. */
    static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
