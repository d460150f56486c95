package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Not a test: measures how fast one single-threaded JDK HttpClient pages through a whole catalog with limit=1000,
 * following {@code paging.after}, reading each page with Jackson's streaming parser. Against a running simulator
 * ({@code java ... OpenMetadataPagingProbe http://127.0.0.1:8585}) or, without an argument, an in-process one of
 * 1,000,000 tables. docs/openmetadata-simulator.md quotes its result.
 */
public final class OpenMetadataPagingProbe {

    private OpenMetadataPagingProbe() {
    }

    public static void main(String[] args) throws Exception {
        OpenMetadataSimulator inProcess = args.length == 0 ? OpenMetadataSimulator.start(
                OpenMetadataSimulatorSettings.defaults().withCatalog(42, 1_000_000)) : null;
        String baseUrl = inProcess != null ? inProcess.baseUrl() : args[0];
        HttpClient http = HttpClient.newHttpClient();
        for (int round = 1; round <= 3; round++) { // the first round warms up both JIT compilers
            long started = System.nanoTime();
            long pages = 0;
            long tables = 0;
            long bytes = 0;
            String after = "";
            while (after != null) {
                String query = "/api/v1/tables?limit=1000" + (after.isEmpty() ? ""
                        : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + query))
                        .header("Authorization", "Bearer " + Principal.DEMO_BOT_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + page.statusCode() + " on " + query);
                }
                pages++;
                bytes += page.body().length;
                long[] counted = new long[1];
                after = read(page.body(), counted);
                tables += counted[0];
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("round %d: %d pages, %d tables, %.1f MB in %.2f s = %.0f pages/s, %.0f tables/s%n",
                    round, pages, tables, bytes / 1e6, seconds, pages / seconds, tables / seconds);
        }
        if (inProcess != null) {
            inProcess.close();
        }
    }

    /** Counts the page's tables into {@code tables[0]}; answers its {@code paging.after}, or null on the last. */
    private static String read(byte[] body, long[] tables) throws Exception {
        String after = null;
        try (JsonParser parser = SimulatorJson.FACTORY.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("data")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        tables[0]++;
                    }
                } else if (field.equals("paging")) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if (name.equals("after")) {
                            after = parser.getText();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return after;
    }
}
