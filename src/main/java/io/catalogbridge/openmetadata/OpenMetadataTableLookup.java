package io.catalogbridge.openmetadata;

import java.util.UUID;

/**
 * How a manual mapping names its table: by id ({@code GET /v1/tables/{id}}) or by FQN
 * ({@code GET /v1/tables/name/{fqn}}, exact case, the FQN sent as the client wrote it). Exactly one is set.
 */
public record OpenMetadataTableLookup(UUID tableId, String tableFqn) {

    public OpenMetadataTableLookup {
        if ((tableId == null) == (tableFqn == null)) {
            throw new IllegalArgumentException("A table is looked up by its id or by its FQN, exactly one");
        }
    }

    /** The path under {@code {url}/api} that answers the table (404 when OpenMetadata has none). */
    public String path() {
        return tableId != null ? "/v1/tables/" + tableId : "/v1/tables/name/" + OpenMetadataFqn.encodeAsPathSegment(tableFqn);
    }

    /** The table as a message names it: {@code table 1b3c...} or {@code table "svc.db.schema.t"}. */
    public String describe() {
        return tableId != null ? "table " + tableId : "table \"" + tableFqn + "\"";
    }

    /** Whether OpenMetadata's answer is the table asked for (a proxy or a redirect could hand back another). */
    public boolean isAnsweredBy(OpenMetadataTable table) {
        return tableId != null ? tableId.equals(table.id()) : tableFqn.equals(table.fullyQualifiedName());
    }
}
