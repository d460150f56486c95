package io.catalogbridge.matching;

import java.util.List;

/**
 * One Alation listing that finds every candidate table in a schema: {@code GET /integration/v2/table/?ds_id=
 * &schema_name__iexact=}, narrowed with {@code name__iexact} when there are few {@code tableNames}.
 * {@code schemaName} is spelled as an asset spells it (the schema, or the multipart {@code database.schema});
 * {@code tableNames} are the assets' table names in that schema, distinct ignoring case, ascending.
 */
public record SchemaRequest(long dataSourceId, String schemaName, List<String> tableNames) {

    public SchemaRequest {
        tableNames = List.copyOf(tableNames);
    }
}
