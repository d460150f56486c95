package io.catalogbridge.alation.simulator;

import java.util.stream.LongStream;

/**
 * A schema of the simulated catalog. {@code name} is what Alation shows: {@code database.schema} for the multipart
 * types ({@code adventureworks.SalesLT}), the bare schema otherwise ({@code public}); {@code database} is null then.
 * Its tables hold the consecutive ids {@code firstTableId .. firstTableId + tableCount - 1}.
 */
public record SimulatedSchema(
        long id, long dsId, String name, String database, String schema, String key, long firstTableId,
        int tableCount) {

    public boolean isMultipart() {
        return database != null;
    }

    public LongStream tableIds() {
        return LongStream.range(firstTableId, firstTableId + tableCount);
    }

    public boolean holdsTable(long tableId) {
        return tableId >= firstTableId && tableId < firstTableId + tableCount;
    }

    /** Alation's web page of the schema, relative to the instance. */
    public String url() {
        return "/schema/" + id + "/";
    }
}
