package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.catalogbridge.ApiTestSupport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The core's paging loop reads ahead of the matcher on an Alation listing: the next page is asked for while a page
 * is parsed and handed on, and with the predicted page after it two requests are open at once (Alation's
 * max-requests-in-flight, 2), never more. The pages, the requests and their order stay those of reading one page
 * at a time, but for one request predicted past the last page, whose answer is dropped.
 *
 * <p>The fake Alation counts the requests it holds open. It holds its answers to the second and third pages until
 * both requests have come (or 10 s have passed): with two requests in flight both are open at once; read one at a
 * time they never would be, and the count of requests open at once would stay 1.
 */
class AlationPagesAheadTest extends ApiTestSupport {

    private static final String TABLES = "/integration/v2/table/";
    private static final int TABLES_IN_CATALOG = 4_500;
    private static final Pattern SKIP = Pattern.compile("skip=(\\d+)");

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:pages-ahead")
    MockEndpoint pages;

    private HttpServer server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<Long, CountDownLatch> asked = new ConcurrentHashMap<>();
    /** Tokens the fake refuses (as an expired token is): none unless a test says. */
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensMinted = new AtomicInteger();
    private volatile long refuseFromSkip = Long.MAX_VALUE;
    private volatile long failFromSkip = Long.MAX_VALUE;

    @BeforeEach
    void fakeAlation() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/integration/v1/createAPIAccessToken/", http -> answer(http, 201, Map.of(),
                "{\"api_access_token\": \"access-" + tokensMinted.incrementAndGet() + "\", \"user_id\": 81,"
                        + " \"token_expires_at\": \"2099-01-01T00:00:00.000000Z\"}"));
        server.createContext(TABLES, this::tables);
        server.start();
        pages.reset();
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"http://127.0.0.1:" + server.getAddress().getPort()
                        + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void stopFake() {
        server.stop(0);
    }

    private void tables(HttpExchange http) throws IOException {
        int nowOpen = open.incrementAndGet();
        mostOpen.accumulateAndGet(nowOpen, Math::max);
        String query = http.getRequestURI().getRawQuery();
        Matcher skipMatch = SKIP.matcher(query);
        long skip = skipMatch.find() ? Long.parseLong(skipMatch.group(1)) : 0;
        String token = http.getRequestHeaders().getFirst("TOKEN");
        if (skip >= failFromSkip) {
            latch(skip).countDown();
            open.decrementAndGet();
            answer(http, 400, Map.of(), "{\"detail\": \"no such page\"}");
            return;
        }
        if (skip >= refuseFromSkip && "access-1".equals(token)) {
            refused.add(TABLES + "?" + query);
            latch(skip).countDown();
            open.decrementAndGet();
            answer(http, 401, Map.of(), "{\"detail\": \"Authentication credentials were not provided.\"}");
            return;
        }
        requested.add(TABLES + "?" + query);
        latch(skip).countDown();
        // the second and third pages wait for each other (whichever comes first): open at once, if both are asked
        // for at once
        if (skip == 1_000 || skip == 2_000) {
            try {
                latch(3_000 - skip).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        StringBuilder body = new StringBuilder("[");
        for (long id = skip + 1; id <= Math.min(skip + 1_000, TABLES_IN_CATALOG); id++) {
            body.append(id == skip + 1 ? "" : ",").append("{\"id\": ").append(id).append(", \"name\": \"t")
                    .append(id).append("\", \"ds_id\": 1, \"schema_id\": 10, \"schema_name\": \"public\"}");
        }
        body.append(']');
        Map<String, String> headers = skip + 1_000 < TABLES_IN_CATALOG
                ? Map.of("X-Next-Page", TABLES + "?limit=1000&skip=" + (skip + 1_000)) : Map.of();
        // counted closed before it is answered: the client may ask again as soon as it has the answer
        open.decrementAndGet();
        answer(http, 200, headers, body.toString());
    }

    private CountDownLatch latch(long skip) {
        return asked.computeIfAbsent(skip, s -> new CountDownLatch(1));
    }

    private static void answer(HttpExchange http, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach(http.getResponseHeaders()::add);
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
        http.close();
    }

    private Exchange listAllTables() {
        Exchange exchange = template.send("direct:load-alation-connection", e -> e.setProperty("tenant", "acme"));
        assertThat(exchange.getException()).isNull();
        exchange.setProperty(AlationPaging.FILTERS, Map.of());
        exchange.setProperty("alationPageHandler", "mock:pages-ahead");
        return template.send("direct:list-alation-tables", exchange);
    }

    private List<Long> idsHandedOn() {
        return pages.getExchanges().stream()
                .flatMap(e -> e.getMessage().getBody(List.class).stream())
                .map(t -> ((AlationTable) t).id())
                .toList();
    }

    /** The requests of reading one page at a time: the first page's, then each X-Next-Page. */
    private static List<String> oneAtATime() {
        List<String> requests = new ArrayList<>();
        for (long skip = 0; skip < TABLES_IN_CATALOG; skip += 1_000) {
            requests.add(TABLES + "?limit=1000&skip=" + skip);
        }
        return requests;
    }

    @Test
    void twoRequestsAreInFlightWhileTheMatcherGetsEveryPageInOrder() {
        // whether the next page had been asked for when a page reached the matcher: its request is on its way then,
        // so it comes (the wait is only for the request to cross the loopback; one at a time it would never come)
        List<Boolean> nextAskedAtHandOn = Collections.synchronizedList(new ArrayList<>());
        pages.whenAnyExchangeReceived(e -> {
            long first = ((AlationTable) e.getMessage().getBody(List.class).get(0)).id();
            long nextSkip = first - 1 + 1_000;
            nextAskedAtHandOn.add(nextSkip >= TABLES_IN_CATALOG || latch(nextSkip).await(10, TimeUnit.SECONDS));
        });

        Exchange result = listAllTables();

        assertThat(result.getException()).isNull();
        assertThat(idsHandedOn()).isEqualTo(LongStream.rangeClosed(1, TABLES_IN_CATALOG).boxed().toList());
        assertThat(pages.getReceivedCounter()).isEqualTo(5);
        assertThat(mostOpen.get()).as("requests open at once").isEqualTo(2);
        // the pages of one-at-a-time reading, each asked for once; and one predicted past the end (skip=5000),
        // whose empty answer is dropped
        List<String> expected = new ArrayList<>(oneAtATime());
        expected.add(TABLES + "?limit=1000&skip=5000");
        assertThat(requested).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(requested.get(0)).isEqualTo(TABLES + "?limit=1000&skip=0");
        // overlap: when page k (1-based) reached the matcher, page k+1 had been asked for already
        assertThat(nextAskedAtHandOn).as("the next page asked for before each page was handed on")
                .containsExactly(true, true, true, true, true);
        assertThat(result.getProperty(AlationPaging.PAGES_READ, Long.class)).isEqualTo(5);
        assertThat(result.getProperty(AlationPaging.OBJECTS_READ, Long.class)).isEqualTo(TABLES_IN_CATALOG);
        assertThat(result.getProperty("catalogPagesAhead")).as("nothing of the loop's is left behind").isNull();
    }

    @Test
    void aTokenRefusedWhileTwoRequestsAreInFlightIsMintedAgainAndTheListingCompletes() {
        // the first token stops working from the third page on: the two requests then in flight both meet it
        refuseFromSkip = 2_000;

        Exchange result = listAllTables();

        assertThat(result.getException()).isNull();
        assertThat(idsHandedOn()).isEqualTo(LongStream.rangeClosed(1, TABLES_IN_CATALOG).boxed().toList());
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(SKIP.matcher(r).find()).isTrue());
        List<String> expected = new ArrayList<>(oneAtATime());
        expected.add(TABLES + "?limit=1000&skip=5000");
        assertThat(requested).as("each page answered once, with a fresh token").containsExactlyInAnyOrderElementsOf(
                expected);
        assertThat(mostOpen.get()).isLessThanOrEqualTo(2);
        // the first token, and a new one for each refusal, or for a request that looked for the token while it
        // was being replaced (two in flight): never more than two a refusal
        assertThat(tokensMinted.get()).isBetween(2, 1 + 2 * refused.size());
    }

    @Test
    void aPageAskedForAheadThatFailsFailsTheListingAsItWouldHaveOneAtATime() {
        // the third page is refused for good (400): asked for ahead, its failure is the listing's, once it is due
        failFromSkip = 2_000;

        Exchange result = listAllTables();

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("Alation answered GET /integration/v2/table/ with HTTP 400");
        assertThat(idsHandedOn()).isEqualTo(LongStream.rangeClosed(1, 2_000).boxed().toList());
        assertThat(result.getProperty("catalogPagesAhead")).isNull();
    }
}
