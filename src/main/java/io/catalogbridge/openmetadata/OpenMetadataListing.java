package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.client.CatalogAnswers;
import io.catalogbridge.client.CatalogPaging;
import io.catalogbridge.client.SkippedObjects;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Paging through an OpenMetadata listing, for the {@code page-through-openmetadata} route (the core's paging loop, a
 * {@link CatalogPaging}): the first page's query
 * (the caller's filters, {@code limit=page-size}, {@code include=non-deleted}: a soft-deleted entity is never a
 * target), each page read object by object ({@link OpenMetadataPages}), and the next page from {@code paging.after}:
 * asked for as soon as a page's answer is in, from the cursor at its end, while the page is parsed. The listing ends
 * when a page has no {@code after}; a cursor already followed (a loop) fails it.
 */
@Component("openmetadataListing")
public class OpenMetadataListing implements CatalogPaging {

    public static final String PATH = "openmetadataPath";
    public static final String FILTERS = "openmetadataFilters";
    public static final String OBJECT_TYPE = "openmetadataObjectType";
    public static final String PAGE_HANDLER = "openmetadataPageHandler";
    public static final String MORE_PAGES = "openmetadataMorePages";
    public static final String PAGES_READ = "openmetadataPagesRead";
    public static final String OBJECTS_READ = "openmetadataObjectsRead";
    public static final String COLLECTED = "openmetadataCollected";
    public static final String SKIPPED = "openmetadataObjectsSkipped";
    static final String FIRST_QUERY = "openmetadataFirstQuery";
    static final String NEXT_CURSOR = "openmetadataNextCursor";
    static final String CURSORS_SEEN = "openmetadataCursorsSeen";

    private static final Logger log = LoggerFactory.getLogger(OpenMetadataListing.class);

    private final ObjectMapper objectMapper;
    private final OpenMetadataProperties properties;

    public OpenMetadataListing(ObjectMapper objectMapper, OpenMetadataProperties properties) {
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** A listing filter of one parameter: {@code service=<name>}, {@code database=<fqn>}. */
    public Map<String, Object> filter(String name, String value) {
        return Map.of(name, value);
    }

    /**
     * Sets up the first page: the path and filters the caller gave, with the page size and non-deleted entities
     * (unless the filters say {@code include} themselves).
     */
    @Override
    public void start(Exchange exchange) {
        OpenMetadataConnection connection = exchange.getProperty(OpenMetadataCalls.CONNECTION,
                OpenMetadataConnection.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> filters = new LinkedHashMap<>(exchange.getProperty(FILTERS, Map.of(), Map.class));
        filters.put("limit", properties.pageSize());
        // non-deleted unless the caller asks for more: only a verification, which must tell deleted from gone
        filters.putIfAbsent("include", "non-deleted");
        String query = filters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        exchange.setProperty(OpenMetadataCalls.REQUEST_URL,
                connection.url() + "/api" + exchange.getProperty(PATH, String.class));
        exchange.setProperty(OpenMetadataCalls.REQUEST_QUERY, query);
        exchange.setProperty(FIRST_QUERY, query);
        exchange.setProperty(CURSORS_SEEN, new HashSet<String>());
        exchange.setProperty(MORE_PAGES, true);
        exchange.setProperty(PAGES_READ, 0L);
        exchange.setProperty(OBJECTS_READ, 0L);
    }

    /**
     * The usable objects of the page in the body, as a list of the listing's type. An object that cannot be used is
     * passed over and counted into {@code openmetadataObjectsSkipped} (created when absent, kept across listings); an
     * answer that is no list page fails naming the endpoint.
     */
    @Override
    public List<OpenMetadataObject> parse(Exchange exchange) {
        String endpoint = OpenMetadataCalls.endpointOf(exchange.getProperty(OpenMetadataCalls.REQUEST_URL, String.class));
        int status = exchange.getProperty(OpenMetadataCalls.STATUS, 0, Integer.class);
        if (status == 404) {
            // a listing always exists: a 404 is a server (or a path before it) that is not OpenMetadata's API
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata answered GET " + endpoint
                    + " with HTTP 404: is the integration's url the OpenMetadata server's?");
        }
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!CatalogAnswers.isJson(contentType)) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's answer to GET " + endpoint + " is "
                    + CatalogAnswers.notJson(contentType));
        }
        @SuppressWarnings("unchecked")
        Class<? extends OpenMetadataObject> type = exchange.getProperty(OBJECT_TYPE, Class.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        OpenMetadataPages.Page<? extends OpenMetadataObject> page = OpenMetadataPages.read(
                body == null ? new byte[0] : body, type, kindOf(type), endpoint, objectMapper);
        SkippedObjects skipped = exchange.getProperty(SKIPPED, SkippedObjects.class);
        if (skipped == null) {
            skipped = SkippedObjects.create();
            exchange.setProperty(SKIPPED, skipped);
        }
        for (OpenMetadataPages.Skipped object : page.skipped()) {
            if (skipped.add(object.object(), object.id(), object.reason())) {
                OpenMetadataConnection connection = exchange.getProperty(OpenMetadataCalls.CONNECTION,
                        OpenMetadataConnection.class);
                log.warn("OpenMetadata's answer to GET {} for tenant {} holds a {} that cannot be used ({}{}); it is"
                        + " skipped", endpoint, connection.tenant(), object.object(),
                        object.id() == null ? "" : "id " + object.id() + ": ", object.reason());
            }
        }
        exchange.setProperty(NEXT_CURSOR, page.after());
        exchange.setProperty(PAGES_READ, exchange.getProperty(PAGES_READ, 0L, Long.class) + 1);
        exchange.setProperty(OBJECTS_READ, exchange.getProperty(OBJECTS_READ, 0L, Long.class) + page.objects().size());
        return new ArrayList<>(page.objects());
    }

    /** Follows {@code paging.after} of the page just parsed; none ends the listing, one already followed fails it. */
    @Override
    public void advance(Exchange exchange) {
        String after = exchange.getProperty(NEXT_CURSOR, String.class);
        if (after == null) {
            exchange.setProperty(MORE_PAGES, false);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(CURSORS_SEEN, Set.class);
        if (!seen.add(after)) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's paging of GET "
                    + OpenMetadataCalls.endpointOf(exchange.getProperty(OpenMetadataCalls.REQUEST_URL, String.class))
                    + " repeats a cursor already followed (" + abbreviate(after) + "): the listing loops");
        }
        setUpPageAfter(exchange, after);
    }

    /** The request of the page after {@code after}: the first page's query with the cursor. */
    private static void setUpPageAfter(Exchange exchange, String after) {
        exchange.setProperty(OpenMetadataCalls.REQUEST_QUERY,
                exchange.getProperty(FIRST_QUERY, String.class) + "&after=" + encode(after));
    }

    /** The page's URL with its query. */
    @Override
    public Object request(Exchange exchange) {
        return exchange.getProperty(OpenMetadataCalls.REQUEST_URL, String.class) + "?"
                + exchange.getProperty(OpenMetadataCalls.REQUEST_QUERY, String.class);
    }

    /**
     * From an answer only, before it is parsed: the page its {@code paging.after} names, read from the answer's last
     * bytes ({@link OpenMetadataPages#trailingCursor}), so that the next page is on its way while this one is parsed.
     * Nothing from a request alone (a cursor is opaque), from an answer that is not a JSON page, nor for a cursor
     * already followed ({@link #advance} would refuse it).
     */
    @Override
    public boolean predictNext(Exchange exchange, boolean answered) {
        int status = exchange.getProperty(OpenMetadataCalls.STATUS, 0, Integer.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!answered || status < 200 || status > 299 || !CatalogAnswers.isJson(contentType)
                || exchange.getProperty(FIRST_QUERY) == null) {
            return false;
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String after = body == null ? null : OpenMetadataPages.trailingCursor(body, objectMapper);
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(CURSORS_SEEN, Set.class);
        if (after == null || seen == null || seen.contains(after)) {
            return false;
        }
        setUpPageAfter(exchange, after);
        return true;
    }

    /** Until a page has no {@code paging.after}. */
    @Override
    public boolean morePages(Exchange exchange) {
        return exchange.getProperty(MORE_PAGES, false, Boolean.class);
    }

    /** The paging's own properties go: a caller's next listing starts afresh; the counts and skipped objects stay. */
    @Override
    public void finish(Exchange exchange) {
        for (String property : List.of(FIRST_QUERY, NEXT_CURSOR, CURSORS_SEEN, MORE_PAGES)) {
            exchange.removeProperty(property);
        }
    }

    /** A page handler that keeps every page: for the short listings (services, databases, schemas) only. */
    public void collect(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Object> collected = exchange.getProperty(COLLECTED, List.class);
        if (collected == null) {
            collected = new ArrayList<>();
            exchange.setProperty(COLLECTED, collected);
        }
        collected.addAll(exchange.getMessage().getBody(List.class));
    }

    /** Every object {@link #collect} kept (none when the listing was empty), taken out of the exchange. */
    public List<Object> collected(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Object> collected = exchange.getProperty(COLLECTED, List.class);
        exchange.removeProperty(COLLECTED);
        return collected == null ? List.of() : collected;
    }

    /** What the skipped-object reports call an object of the type. */
    static String kindOf(Class<?> type) {
        return type == OpenMetadataTable.class ? "table" : type == OpenMetadataDatabaseSchema.class ? "schema"
                : type == OpenMetadataDatabase.class ? "database"
                : type == OpenMetadataDatabaseService.class ? "database service" : type.getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
