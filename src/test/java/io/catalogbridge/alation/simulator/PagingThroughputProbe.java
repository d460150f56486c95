package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Not a test: measures how fast one single-threaded JDK HttpClient can page through a whole catalog with limit=1000,
 * following X-Next-Page, counting the tables with Jackson's streaming parser. Against a running simulator
 * ({@code java ... PagingThroughputProbe http://127.0.0.1:8090}) or, without an argument, an in-process one of
 * 1,000,000 tables. docs/alation-simulator.md quotes its result.
 */
public final class PagingThroughputProbe {

    private PagingThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        AlationSimulator inProcess = args.length == 0
                ? AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 1_000_000)) : null;
        String baseUrl = inProcess != null ? inProcess.baseUrl() : args[0];
        HttpClient http = HttpClient.newHttpClient();
        String token = SimulatorClient.mintToken(http, baseUrl, 1, SimulatorSettings.DEMO_REFRESH_TOKEN);
        for (int round = 1; round <= 3; round++) { // the first round warms up both JIT compilers
            long started = System.nanoTime();
            long pages = 0;
            long tables = 0;
            long bytes = 0;
            Optional<String> next = Optional.of("/integration/v2/table/?limit=1000");
            while (next.isPresent()) {
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + next.get()))
                        .header("TOKEN", token).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + page.statusCode() + " on " + next.get());
                }
                pages++;
                bytes += page.body().length;
                tables += countObjects(page.body());
                next = page.headers().firstValue(CatalogEndpoints.NEXT_PAGE_HEADER);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("round %d: %d pages, %d tables, %.1f MB in %.2f s = %.0f pages/s, %.0f tables/s%n",
                    round, pages, tables, bytes / 1e6, seconds, pages / seconds, tables / seconds);
        }
        if (inProcess != null) {
            inProcess.close();
        }
    }

    private static long countObjects(byte[] body) throws Exception {
        long objects = 0;
        try (JsonParser parser = SimulatorJson.FACTORY.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                objects++;
            }
        }
        return objects;
    }
}
