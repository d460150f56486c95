package io.catalogbridge.matching;

import java.util.List;

/**
 * One listing that finds every candidate table in a schema of a data source (a wing turns it into its catalog's
 * filtered table listing). {@code schemaName} is spelled as an asset spells
 * it (the schema, or the multipart {@code database.schema}); {@code tableNames} are the assets' table names in that
 * schema, distinct ignoring case, ascending, for a wing that can narrow its listing by name.
 */
public record SchemaRequest<I extends Comparable<? super I>>(I dataSourceId, String schemaName,
        List<String> tableNames) {

    public SchemaRequest {
        tableNames = List.copyOf(tableNames);
    }
}
