package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.catalogbridge.simulator.QueryParameters.Page;
import io.catalogbridge.simulator.SimulatedDataSource.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;

/** The catalog's listings and lookups, for requests that have passed the token check and the faults. */
final class CatalogEndpoints {

    static final String NEXT_PAGE_HEADER = "X-Next-Page";

    /** Writes one object of a listing. */
    @FunctionalInterface
    private interface ObjectWriter<T> {
        void write(JsonGenerator json, T object) throws IOException;
    }

    private final SimulatedCatalog catalog;

    CatalogEndpoints(SimulatedCatalog catalog) {
        this.catalog = catalog;
    }

    Reply serve(SimulatorEndpoint endpoint, long id, String path, QueryParameters query) {
        return switch (endpoint) {
            case DATASOURCES_V1 -> dataSources(path, query, Kind.NATIVE, CatalogJson::nativeDataSource);
            case DATASOURCES_V2 -> dataSources(path, query, Kind.CONNECTOR, CatalogJson::connectorDataSource);
            case DATASOURCE_V1 -> dataSource(id, Kind.NATIVE, CatalogJson::nativeDataSource);
            case DATASOURCE_V2 -> dataSource(id, Kind.CONNECTOR, CatalogJson::connectorDataSource);
            case SCHEMAS -> schemas(path, query);
            case TABLES -> tables(path, query);
            default -> throw new IllegalArgumentException("not a catalog endpoint: " + endpoint);
        };
    }

    private Reply dataSources(String path, QueryParameters query, Kind kind, ObjectWriter<SimulatedDataSource> writer) {
        return page(path, query, catalog.dataSources().stream().filter(source -> source.kind() == kind).toList(),
                writer);
    }

    /** One source by id; a source of the other kind is as unknown to this endpoint as a missing one. */
    private Reply dataSource(long id, Kind kind, ObjectWriter<SimulatedDataSource> writer) {
        return catalog.dataSource(id).filter(source -> source.kind() == kind)
                .map(source -> Reply.json(200, json -> writer.write(json, source)))
                .orElseGet(() -> Reply.error(404, "Not found."));
    }

    private Reply schemas(String path, QueryParameters query) {
        SchemaFilter filter = new SchemaFilter(query.number("id"), query.number("ds_id"), query.text("name"),
                query.text("name__iexact"));
        return page(path, query, catalog.selectSchemas(filter), CatalogJson::schema);
    }

    private Reply tables(String path, QueryParameters query) {
        TableFilter filter = new TableFilter(query.number("id"), query.number("ds_id"), query.number("schema_id"),
                query.text("schema_name"), query.text("schema_name__iexact"), query.text("name"),
                query.text("name__iexact"), query.number("id__gt"));
        Page page = query.page();
        IdRanges ids = catalog.selectTables(filter);
        long count = Math.max(0, Math.min(page.limit(), ids.total() - page.skip()));
        return Reply.listing(nextPage(path, query, page, ids.total()), count, json -> {
            json.writeStartArray();
            PrimitiveIterator.OfLong next = ids.from(page.skip());
            for (long written = 0; written < count; written++) {
                CatalogJson.table(json, catalog.table(next.nextLong()).orElseThrow());
            }
            json.writeEndArray();
        });
    }

    private static <T> Reply page(String path, QueryParameters query, List<T> all, ObjectWriter<T> writer) {
        Page page = query.page();
        List<T> slice = all.subList((int) Math.min(page.skip(), all.size()),
                (int) Math.min(page.skip() + page.limit(), all.size()));
        return Reply.listing(nextPage(path, query, page, all.size()), slice.size(), json -> {
            json.writeStartArray();
            for (T object : slice) {
                writer.write(json, object);
            }
            json.writeEndArray();
        });
    }

    /** X-Next-Page while objects remain after this page; no header on the last page, and no total count ever. */
    private static Map<String, String> nextPage(String path, QueryParameters query, Page page, long total) {
        return page.skip() + page.limit() < total ? Map.of(NEXT_PAGE_HEADER, query.nextPage(path, page)) : Map.of();
    }
}
