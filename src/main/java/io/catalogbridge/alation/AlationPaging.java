package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.catalogbridge.api.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Paging through an Alation listing, for the {@code page-through-alation} pipeline: the first page's request, the
 * typed parse of each page (a body that is not the JSON expected fails naming the endpoint and the problem), and the
 * next page from {@code X-Next-Page}. The listing ends on an absent link or an empty page; a link to another host or
 * one already followed (a loop) fails it.
 */
@Component("alationPaging")
public class AlationPaging {

    public static final String PATH = "alationPath";
    public static final String FILTERS = "alationFilters";
    public static final String OBJECT_TYPE = "alationObjectType";
    public static final String MORE_PAGES = "alationMorePages";
    public static final String PAGES_READ = "alationPagesRead";
    public static final String OBJECTS_READ = "alationObjectsRead";
    public static final String COLLECTED = "alationCollected";
    static final String SEEN = "alationSeenPages";

    private final ObjectMapper objectMapper;
    private final AlationProperties properties;

    public AlationPaging(ObjectMapper objectMapper, AlationProperties properties) {
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** Sets up the first page: the path and filters the caller gave, with Alation's limit and skip. */
    public void start(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> filters = exchange.getProperty(FILTERS, Map.of(), Map.class);
        String query = filters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
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

    /** Parses the page in the body into a list of the listing's type; fails on anything else. */
    public List<? extends AlationObject> parse(Exchange exchange) {
        String endpoint = "GET " + AlationCalls.endpointOf(exchange.getProperty(AlationCalls.REQUEST_URL, String.class));
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        // the bytes as they came: Jackson decodes UTF-8 itself, faster than from a String decoded first
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint + " is not JSON but '"
                    + (contentType.isEmpty() ? "no content type" : contentType) + "'");
        }
        Class<?> type = exchange.getProperty(OBJECT_TYPE, Class.class);
        JavaType listType = objectMapper.getTypeFactory().constructCollectionType(List.class, type);
        List<? extends AlationObject> page;
        try {
            page = objectMapper.readValue(body == null ? new byte[0] : body, listType);
        } catch (MismatchedInputException e) {
            throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint
                    + (e.getPath().isEmpty() ? " is not a JSON array of objects" : " has a wrong type at " + where(e)));
        } catch (JsonProcessingException e) {
            throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint
                    + " is truncated or malformed JSON (at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            // reading bytes already in memory: only a malformed encoding gets here
            throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint + " cannot be read: "
                    + e.getMessage());
        }
        if (page == null) {
            throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint + " is empty");
        }
        for (int i = 0; i < page.size(); i++) {
            AlationObject object = page.get(i);
            String missing = object == null ? "everything" : object.missingField();
            if (missing != null) {
                throw new ProblemException.AlationBadResponse("Alation's answer to " + endpoint + " lacks '" + missing
                        + "' in object " + i);
            }
        }
        exchange.setProperty(PAGES_READ, exchange.getProperty(PAGES_READ, 0L, Long.class) + 1);
        exchange.setProperty(OBJECTS_READ, exchange.getProperty(OBJECTS_READ, 0L, Long.class) + page.size());
        return page;
    }

    /** Follows {@code X-Next-Page} after a page is parsed (the body is that page). */
    public void advance(Exchange exchange) {
        String link = exchange.getMessage().getHeader("X-Next-Page", String.class);
        List<?> page = exchange.getMessage().getBody(List.class);
        if (link == null || link.isBlank() || page == null || page.isEmpty()) {
            exchange.setProperty(MORE_PAGES, false);
            return;
        }
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        String current = exchange.getProperty(AlationCalls.REQUEST_URL, String.class);
        URI next;
        try {
            next = URI.create(current).resolve(link.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException.AlationBadResponse("Alation's X-Next-Page of GET "
                    + AlationCalls.endpointOf(current) + " is not a URL: " + abbreviate(link));
        }
        URI base = URI.create(connection.url());
        String listing = "GET " + AlationCalls.endpointOf(current);
        if (!sameOrigin(base, next)) {
            throw new ProblemException.AlationBadResponse("Alation's X-Next-Page of " + listing
                    + " points at another host ("
                    + next.getScheme() + "://" + next.getAuthority() + "); the bridge only follows links on "
                    + base.getScheme() + "://" + base.getAuthority());
        }
        String url = next.getScheme() + "://" + next.getRawAuthority() + next.getRawPath();
        String query = next.getRawQuery();
        @SuppressWarnings("unchecked")
        Set<String> seen = exchange.getProperty(SEEN, Set.class);
        if (!seen.add(url + "?" + query)) {
            throw new ProblemException.AlationBadResponse("Alation's X-Next-Page of " + listing
                    + " repeats a page already read ("
                    + abbreviate(next.getRawPath() + "?" + query) + "): the listing loops");
        }
        exchange.setProperty(AlationCalls.REQUEST_URL, url);
        exchange.setProperty(AlationCalls.REQUEST_QUERY, query);
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

    private static String where(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
