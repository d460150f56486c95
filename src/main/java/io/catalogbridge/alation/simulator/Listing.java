package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** A page of a stored listing (data quality, flags, custom-field values), paged like the catalog's listings. */
final class Listing {

    /** Writes one object of a listing. */
    @FunctionalInterface
    interface ObjectWriter<T> {
        void write(JsonGenerator json, T object) throws IOException;
    }

    private Listing() {
    }

    /** The slice as a JSON array, with X-Next-Page (the same parameters, skip advanced) while more follow. */
    static <T> Reply of(String path, QueryParameters query, QueryParameters.Page page, Slice<T> slice,
                        ObjectWriter<T> writer) {
        Map<String, String> headers = slice.more()
                ? Map.of(CatalogEndpoints.NEXT_PAGE_HEADER, query.nextPage(path, page)) : Map.of();
        return Reply.listing(headers, slice.items().size(), json -> {
            json.writeStartArray();
            for (T item : slice.items()) {
                writer.write(json, item);
            }
            json.writeEndArray();
        });
    }
}
