package io.catalogbridge.alation;

import io.catalogbridge.client.CatalogAnswers;
import io.catalogbridge.client.CatalogPaging;
import io.catalogbridge.client.JsonElements;
import io.catalogbridge.client.SkippedObjects;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Paging through an Alation listing, for the {@code page-through-alation} route (the core's paging loop, a
 * {@link CatalogPaging}): the first page's request, the
 * typed parse of each page (a body that is not the JSON expected fails naming the endpoint and the problem), and the
 * next page from {@code X-Next-Page}. The listing ends on an absent link or an empty page; a link to another host or
 * one already followed (a loop) fails it.
 */
@Component("alationPaging")
public class AlationPaging implements CatalogPaging {

    public static final String PATH = "alationPath";
    public static final String FILTERS = "alationFilters";
    public static final String OBJECT_TYPE = "alationObjectType";
    public static final String MORE_PAGES = "alationMorePages";
    public static final String PAGES_READ = "alationPagesRead";
    public static final String OBJECTS_READ = "alationObjectsRead";
    public static final String COLLECTED = "alationCollected";
    public static final String SKIPPED = "alationObjectsSkipped";
    static final String SEEN = "alationSeenPages";
    static final String PAGE_WAS_EMPTY = "alationPageWasEmpty";

    private static final Logger log = LoggerFactory.getLogger(AlationPaging.class);

    private final ObjectMapper objectMapper;
    private final AlationProperties properties;

    public AlationPaging(ObjectMapper objectMapper, AlationProperties properties) {
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** Sets up the first page: the path and filters the caller gave, with Alation's limit and skip. */
    @Override
    public void start(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> filters = exchange.getProperty(FILTERS, Map.of(), Map.class);
        // a collection is a set of values, sent as the key repeated (id=5&id=9), as Alation's own SDK sends its sets
        String query = filters.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> values ? values.stream()
                        : java.util.stream.Stream.of(e.getValue()))
                        .map(value -> encode(e.getKey()) + "=" + encode(String.valueOf(value))))
                .collect(Collectors.joining("&"));
        query = (query.isEmpty() ? "" : query + "&") + "limit=" + properties.pageSize() + "&skip=0";
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + exchange.getProperty(PATH, String.class));
        exchange.setProperty(AlationCalls.REQUEST_QUERY, query);
        Set<String> seen = new HashSet<>();
        seen.add(exchange.getProperty(AlationCalls.REQUEST_URL) + "?" + query);
        exchange.setProperty(SEEN, seen);
        exchange.setProperty(MORE_PAGES, true);
        exchange.setProperty(PAGES_READ, 0L);
        exchange.setProperty(OBJECTS_READ, 0L);
    }

    /**
     * Parses the page in the body into a list of the listing's type. An object that cannot be used (a required field
     * missing, a field of the wrong type, not an object at all) is passed over and counted into the
     * {@code alationObjectsSkipped} property (created when absent); a page that is not a JSON array, or not JSON at
     * all, fails naming the endpoint and the problem.
     */
    @Override
    public List<AlationObject> parse(Exchange exchange) {
        String endpoint = "GET " + AlationCalls.endpointOf(exchange.getProperty(AlationCalls.REQUEST_URL, String.class));
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        // the bytes as they came: Jackson decodes UTF-8 itself, faster than from a String decoded first
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (!CatalogAnswers.isJson(contentType)) {
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint + " is "
                    + CatalogAnswers.notJson(contentType));
        }
        Class<?> type = exchange.getProperty(OBJECT_TYPE, Class.class);
        SkippedObjects skipped = exchange.getProperty(SKIPPED, SkippedObjects.class);
        if (skipped == null) {
            skipped = SkippedObjects.create();
            exchange.setProperty(SKIPPED, skipped);
        }
        long skippedBefore = skipped.count();
        List<AlationObject> page;
        try (JsonParser parser = objectMapper.createParser(body == null ? new byte[0] : body)) {
            page = readPage(parser, body, type, skipped, exchange, endpoint);
        } catch (MismatchedInputException e) {
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint
                    + (e.getPath().isEmpty() ? " is not a JSON array of objects" : " has a wrong type at "
                            + CatalogAnswers.where(e)));
        } catch (JsonProcessingException e) {
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint + " is "
                    + CatalogAnswers.problem(e, "a JSON array of objects"));
        } catch (IOException e) {
            // reading bytes already in memory: only a malformed encoding gets here
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint + " cannot be read: "
                    + "its encoding is not UTF-8");
        }
        exchange.setProperty(PAGES_READ, exchange.getProperty(PAGES_READ, 0L, Long.class) + 1);
        exchange.setProperty(OBJECTS_READ, exchange.getProperty(OBJECTS_READ, 0L, Long.class) + page.size());
        // a page whose every object was skipped is not the empty page that ends a listing
        exchange.setProperty(PAGE_WAS_EMPTY, page.isEmpty() && skipped.count() == skippedBefore);
        return page;
    }

    /**
     * The array's objects, one by one with the listing type's own deserializer (what Jackson's list deserializer
     * does, so the happy path costs the same): only an object that fails is re-read, alone, for its id.
     */
    private List<AlationObject> readPage(JsonParser parser, byte[] body, Class<?> type, SkippedObjects skipped,
            Exchange exchange, String endpoint) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.VALUE_NULL) {
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint + " is empty");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new AlationProblems.AlationBadResponse("Alation's answer to " + endpoint
                    + " is not a JSON array of objects");
        }
        DefaultDeserializationContext context = ((DefaultDeserializationContext) objectMapper
                .getDeserializationContext()).createInstance(objectMapper.getDeserializationConfig(), parser,
                        objectMapper.getInjectableValues());
        JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(objectMapper.constructType(type));
        String kind = kindOf(type);
        ParserBase offsets = parser instanceof ParserBase base ? base : null;
        JsonStreamContext array = parser.getParsingContext();
        List<AlationObject> page = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "the array is not closed");
            }
            long start = offsets == null ? -1 : offsets.getTokenCharacterOffset();
            AlationObject object;
            try {
                object = token == JsonToken.VALUE_NULL ? null : (AlationObject) deserializer.deserialize(parser, context);
            } catch (DatabindException e) {
                // the rest of this object is passed over: the array goes on after it
                JsonElements.passOver(parser, array, e);
                skip(skipped, kind, idAt(body, start, parser), wrongType(e), exchange, endpoint);
                continue;
            }
            String missing = object == null ? "" : object.missingField();
            if (missing == null) {
                page.add(object);
            } else {
                skip(skipped, kind, object == null ? null : object.id(),
                        object == null ? "null instead of an object" : "no " + missing, exchange, endpoint);
            }
        }
        return page;
    }

    private static void skip(SkippedObjects skipped, String kind, Long id, String reason, Exchange exchange,
            String endpoint) {
        if (skipped.add(kind, id, reason)) {
            AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
            log.warn("Alation's answer to {} for tenant {} holds a {} that cannot be used ({}{}); it is skipped",
                    endpoint, connection == null ? "?" : connection.tenant(), kind, id == null ? "" : "id " + id + ": ",
                    reason);
        }
    }

    /** The failed object's id, read again from its own bytes (rare: only objects that failed get here). */
    private Long idAt(byte[] body, long tokenOffset, JsonParser parser) {
        JsonNode object = JsonElements.objectAt(body, tokenOffset, parser, objectMapper);
        return object != null && object.path("id").isIntegralNumber() ? object.path("id").longValue() : null;
    }

    /** "ds_id is not an integer", "not a JSON object". */
    private static String wrongType(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()
                || mapping.getPath().get(0).getFieldName() == null) {
            return "not a JSON object";
        }
        String field = mapping.getPath().get(0).getFieldName();
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String expected = target == null ? null
                : Number.class.isAssignableFrom(target) || target == long.class || target == int.class ? "an integer"
                : target == String.class ? "text" : target == Boolean.class || target == boolean.class ? "a boolean"
                : null;
        return expected == null ? field + " has the wrong type" : field + " is not " + expected;
    }

    private static String kindOf(Class<?> type) {
        return type == AlationTable.class ? "table" : type == AlationSchema.class ? "schema"
                : type == AlationDataSource.class ? "data source" : type.getSimpleName();
    }

    /** Follows {@code X-Next-Page} after a page is parsed (the body is that page). */
    @Override
    public void advance(Exchange exchange) {
        String link = exchange.getMessage().getHeader("X-Next-Page", String.class);
        if (link == null || link.isBlank() || exchange.getProperty(PAGE_WAS_EMPTY, true, Boolean.class)) {
            exchange.setProperty(MORE_PAGES, false);
            return;
        }
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        String current = exchange.getProperty(AlationCalls.REQUEST_URL, String.class);
        URI next;
        try {
            next = URI.create(current).resolve(link.trim());
        } catch (IllegalArgumentException e) {
            throw new AlationProblems.AlationBadResponse("Alation's X-Next-Page of GET "
                    + AlationCalls.endpointOf(current) + " is not a URL: " + abbreviate(link));
        }
        URI base = URI.create(connection.url());
        String listing = "GET " + AlationCalls.endpointOf(current);
        if (!sameOrigin(base, next)) {
            throw new AlationProblems.AlationBadResponse("Alation's X-Next-Page of " + listing
                    + " points at another host ("
                    + next.getScheme() + "://" + next.getAuthority() + "); the bridge only follows links on "
                    + base.getScheme() + "://" + base.getAuthority());
        }
        String url = next.getScheme() + "://" + next.getRawAuthority() + next.getRawPath();
        String query = next.getRawQuery();
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(SEEN, Set.class);
        if (!seen.add(url + "?" + query)) {
            throw new AlationProblems.AlationBadResponse("Alation's X-Next-Page of " + listing
                    + " repeats a page already read ("
                    + abbreviate(next.getRawPath() + "?" + query) + "): the listing loops");
        }
        exchange.setProperty(AlationCalls.REQUEST_URL, url);
        exchange.setProperty(AlationCalls.REQUEST_QUERY, query);
    }

    /** The page's URL with its query, as X-Next-Page names it once resolved. */
    @Override
    public Object request(Exchange exchange) {
        return exchange.getProperty(AlationCalls.REQUEST_URL, String.class) + "?"
                + exchange.getProperty(AlationCalls.REQUEST_QUERY, String.class);
    }

    /**
     * The page after the request set up: from an answer, its X-Next-Page (known before the body is parsed); from a
     * request alone, the same query with {@code skip} advanced by {@code limit}, which is what Alation's links are.
     * Nothing is predicted that {@link #advance} would refuse to follow (another host, a page already read), nor
     * from an answer without a link (the listing presumably ends), nor from a query without limit and skip.
     */
    @Override
    public boolean predictNext(Exchange exchange, boolean answered) {
        String url = exchange.getProperty(AlationCalls.REQUEST_URL, String.class);
        String query = exchange.getProperty(AlationCalls.REQUEST_QUERY, String.class);
        if (url == null || query == null) {
            return false;
        }
        if (answered) {
            String link = exchange.getMessage().getHeader("X-Next-Page", String.class);
            AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
            // an empty page ends the listing, whatever its link says (advance's safety net)
            if (link == null || link.isBlank() || connection == null || isEmptyArray(exchange)) {
                return false;
            }
            URI next;
            try {
                next = URI.create(url).resolve(link.trim());
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!sameOrigin(URI.create(connection.url()), next)) {
                return false;
            }
            url = next.getScheme() + "://" + next.getRawAuthority() + next.getRawPath();
            query = next.getRawQuery();
        } else {
            query = skipAdvanced(query);
            if (query == null) {
                return false;
            }
        }
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(SEEN, Set.class);
        if (seen != null && seen.contains(url + "?" + query)) {
            return false;
        }
        exchange.setProperty(AlationCalls.REQUEST_URL, url);
        exchange.setProperty(AlationCalls.REQUEST_QUERY, query);
        return true;
    }

    /** Whether the answer's body is {@code []} (blanks aside): a cheap look, before the page is parsed. */
    private static boolean isEmptyArray(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length > 64) {
            return body == null;
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s", "");
        return text.equals("[]");
    }

    /** Alation's limit of requests open at once per instance ({@code max-requests-in-flight}). */
    @Override
    public int requestsInFlight(Exchange exchange) {
        return properties.maxRequestsInFlight();
    }

    /** The query with its {@code skip} advanced by its {@code limit}, in place; null without both (or not numbers). */
    static String skipAdvanced(String query) {
        String[] parts = query.split("&", -1);
        int skipAt = -1;
        long limit = -1;
        long skip = -1;
        for (int i = 0; i < parts.length; i++) {
            try {
                if (parts[i].startsWith("limit=")) {
                    limit = Long.parseLong(parts[i].substring(6));
                } else if (parts[i].startsWith("skip=")) {
                    skip = Long.parseLong(parts[i].substring(5));
                    skipAt = i;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (skipAt < 0 || limit < 1 || skip < 0) {
            return null;
        }
        parts[skipAt] = "skip=" + (skip + limit);
        return String.join("&", parts);
    }

    /** Until a page ends the listing: an absent X-Next-Page, an empty page. */
    @Override
    public boolean morePages(Exchange exchange) {
        return exchange.getProperty(MORE_PAGES, false, Boolean.class);
    }

    /** A page handler that keeps every page: for small listings (data sources) only. */
    public void collect(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Object> collected = exchange.getProperty(COLLECTED, List.class);
        if (collected == null) {
            collected = new ArrayList<>();
            exchange.setProperty(COLLECTED, collected);
        }
        collected.addAll(exchange.getMessage().getBody(List.class));
    }

    private static boolean sameOrigin(URI base, URI other) {
        return base.getScheme().equalsIgnoreCase(String.valueOf(other.getScheme()))
                && base.getHost().equalsIgnoreCase(String.valueOf(other.getHost()))
                && effectivePort(base) == effectivePort(other);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
