package io.catalogbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A small HTTP client of a simulator for the tests: every answer with its status, headers and body, parsed when it
 * is JSON. A simulator's own client adds how it authenticates.
 */
public class SimulatorHttpClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SimulatorHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, headers and body, the body parsed when it is JSON. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected final HttpClient http() {
        return http;
    }

    protected final String baseUrl() {
        return baseUrl;
    }

    /** A GET, with the one header {@code header: value} unless the value is null. */
    public Answer get(String pathAndQuery, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (value != null) {
            request.header(header, value);
        }
        return send(request.GET().build());
    }

    public Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Sends a request a subclass built (another method, its own headers); the answer as read. */
    protected final Answer send(HttpRequest request) {
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
