package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client of the OpenMetadata simulator for the tests: every answer with status, headers and body. */
final class OmClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    OmClient(OpenMetadataSimulator simulator, String token) {
        this.baseUrl = simulator.baseUrl();
        this.token = token;
    }

    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** For a query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** For a path segment: a space is %20 there, a '+' is itself. */
    static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET().build());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows {@code paging.after} from the first page until it is absent; every page's answer, in order. */
    List<JsonNode> allPages(String pathAndQuery) {
        List<JsonNode> pages = new ArrayList<>();
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        String after = null;
        do {
            Answer answer = get(pathAndQuery + (after == null ? "" : separator + "after=" + encode(after)));
            if (answer.status() != 200) {
                throw new IllegalStateException(answer.status() + ": " + answer.body());
            }
            JsonNode page = answer.json();
            pages.add(page);
            after = page.path("paging").path("after").isTextual() ? page.path("paging").path("after").asText() : null;
        } while (after != null);
        return pages;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
