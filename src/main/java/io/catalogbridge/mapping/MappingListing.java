package io.catalogbridge.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.database.SqlQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.TypeConverterSupport;
import org.springframework.stereotype.Component;

/**
 * The tenant's mappings as one JSON array that is read from the database page by page (keyset, by asset_id) while
 * the answer is written, for a wing's listing of its mappings: memory stays bounded by a page, whatever the number of
 * mappings, and no connection is held while the client reads. Each row is written as {@code marshal: json} wrote it
 * (the application's ObjectMapper, the columns of the SQL in their order), so the answer is byte for byte the same.
 * The pages are not one snapshot: a mapping written while the answer streams may or may not be in it.
 */
@Component("mappingListing")
public class MappingListing {

    static final int PAGE_SIZE = 1000;
    private static final String STATE = "state";

    private final ObjectMapper objectMapper;
    private final SqlQueries queries;

    /**
     * The answer's body. Not an InputStream itself: Camel's stream caching would read a stream body whole into memory
     * at the next step of the REST route; the HTTP binding asks for an InputStream, and gets one from the converter.
     */
    public record StreamedJson(InputStream content) {
    }

    public MappingListing(ObjectMapper objectMapper, CamelContext camelContext, SqlQueries queries) {
        this.objectMapper = objectMapper;
        this.queries = queries;
        camelContext.getTypeConverterRegistry().addTypeConverter(InputStream.class, StreamedJson.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                        return type.cast(((StreamedJson) value).content());
                    }
                });
    }

    /**
     * The answer's body: a stream that queries the next page when the last one has been read.
     *
     * @param pageSql the wing's page query, a file under {@code sql/} ({@code <catalog>-mapping-select-page.sql}) that
     *                takes {@code :#tenant}, {@code :#after} (the last asset_id of the page before, '' first) and
     *                {@code :#limit}, and selects the mapping's columns in the answer's order, asset_id first, ordered
     *                by asset_id; it also takes {@code :#stale} (only the mappings whose last verification found
     *                them not OK) and selects the mapping's {@code state} last, null when it has none
     * @param stale   only the stale mappings ({@code ?state=stale}), or all of them
     */
    public StreamedJson stream(String pageSql, String tenant, boolean stale) {
        return new StreamedJson(new PagedJsonArray(pages(pageSql, tenant, stale)));
    }

    /**
     * The tenant's mappings as the page query reads them, a page of {@value #PAGE_SIZE} rows at a time (keyset, by
     * asset_id), each page queried only when it is asked for: the listing's stream and the verification read them so.
     */
    Iterator<List<Map<String, Object>>> pages(String pageSql, String tenant, boolean stale) {
        String pageQuery = SqlQueries.requireFileName(pageSql);
        return new Iterator<>() {
            private String after = "";
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Map<String, Object>> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                List<Map<String, Object>> rows = queries.rows(pageQuery,
                        Map.of("tenant", tenant, "after", after, "limit", PAGE_SIZE, "stale", stale));
                if (rows.size() < PAGE_SIZE) {
                    done = true;
                } else {
                    after = (String) rows.get(rows.size() - 1).get("asset_id");
                }
                return rows;
            }
        };
    }

    private final class PagedJsonArray extends InputStream {

        private final Iterator<List<Map<String, Object>>> pages;
        private boolean first = true;
        private boolean done;
        private byte[] buffer = {'['};
        private int position;

        PagedJsonArray(Iterator<List<Map<String, Object>>> pages) {
            this.pages = pages;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= buffer.length) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int count = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }

        private void fill() {
            List<Map<String, Object>> rows = pages.next();
            StringBuilder json = new StringBuilder(rows.size() * 200 + 1);
            for (Map<String, Object> row : rows) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                // a mapping no verification has checked has no state: the field is left out, not null
                if (row.get(STATE) == null) {
                    row.remove(STATE);
                }
                try {
                    json.append(objectMapper.writeValueAsString(row));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (!pages.hasNext()) {
                json.append(']');
                done = true;
            }
            buffer = json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            position = 0;
        }
    }
}
