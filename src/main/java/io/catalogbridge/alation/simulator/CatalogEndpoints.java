package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.catalogbridge.alation.simulator.QueryParameters.Page;
import io.catalogbridge.alation.simulator.SimulatedDataSource.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;

/** The catalog's listings and lookups, for requests that have passed the token check and the faults. */
final class CatalogEndpoints {

    static final String NEXT_PAGE_HEADER = "X-Next-Page";

    /** Writes one object of a listing. */
    @FunctionalInterface
    private interface ObjectWriter<T> {
        void write(JsonGenerator json, T object) throws IOException;
    }

    private final SimulatedCatalog catalog;
    /** Data sources marked hidden (is_hidden): listed only with include_hidden, as Alation does. One set at a time. */
    private volatile Set<Long> hidden = Set.of();

    CatalogEndpoints(SimulatedCatalog catalog) {
        this.catalog = catalog;
    }

    void hide(Set<Long> dataSourceIds) {
        hidden = Set.copyOf(dataSourceIds);
    }

    Set<Long> hidden() {
        return hidden;
    }

    Reply serve(SimulatorEndpoint endpoint, long id, String path, QueryParameters query) {
        return switch (endpoint) {
            case DATASOURCES_V1 -> dataSources(path, query, Kind.NATIVE, nativeWriter());
            case DATASOURCES_V2 -> dataSources(path, query, Kind.CONNECTOR, connectorWriter());
            case DATASOURCE_V1 -> dataSource(id, Kind.NATIVE, nativeWriter());
            case DATASOURCE_V2 -> dataSource(id, Kind.CONNECTOR, connectorWriter());
            case SCHEMAS -> schemas(path, query);
            case TABLES -> tables(path, query);
            default -> throw new IllegalArgumentException("not a catalog endpoint: " + endpoint);
        };
    }

    private ObjectWriter<SimulatedDataSource> nativeWriter() {
        Set<Long> hiddenNow = hidden;
        return (json, source) -> CatalogJson.nativeDataSource(json, source, hiddenNow.contains(source.id()));
    }

    private ObjectWriter<SimulatedDataSource> connectorWriter() {
        Set<Long> hiddenNow = hidden;
        return (json, source) -> CatalogJson.connectorDataSource(json, source, hiddenNow.contains(source.id()));
    }

    /** A listing of one kind; hidden sources only with {@code include_hidden} true (Django's true: true, True, 1). */
    private Reply dataSources(String path, QueryParameters query, Kind kind, ObjectWriter<SimulatedDataSource> writer) {
        Set<Long> hiddenNow = hidden;
        String includeHidden = query.text("include_hidden");
        boolean all = includeHidden != null && (includeHidden.equalsIgnoreCase("true") || includeHidden.equals("1"));
        return page(path, query, catalog.dataSources().stream().filter(source -> source.kind() == kind)
                .filter(source -> all || !hiddenNow.contains(source.id())).toList(), writer);
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
        TableFilter filter = new TableFilter(query.numbers("id"), query.number("ds_id"), query.number("schema_id"),
                query.text("schema_name"), query.text("schema_name__iexact"), query.text("name"),
                query.text("name__iexact"), query.number("id__gt"));
        Page page = query.page();
        CatalogDrift.State drift = catalog.drift().state(); // one state for the selection and the tables streamed
        IdRanges ids = catalog.selectTables(filter, drift);
        long count = Math.max(0, Math.min(page.limit(), ids.total() - page.skip()));
        return Reply.listing(nextPage(path, query, page, ids.total()), count, json -> {
            json.writeStartArray();
            PrimitiveIterator.OfLong next = ids.from(page.skip());
            for (long written = 0; written < count; written++) {
                CatalogJson.table(json, catalog.table(next.nextLong(), drift).orElseThrow());
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
