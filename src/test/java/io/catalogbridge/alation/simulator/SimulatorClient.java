package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client of the simulator for the tests: every answer with its status, headers and parsed body. */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    SimulatorClient(AlationSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    /** An answer: status, headers and body, the body parsed when it is JSON. */
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

    static String mintToken(HttpClient http, String baseUrl, long userId, String refreshToken) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/integration/v1/createAPIAccessToken/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user_id\": " + userId + ", \"refresh_token\": \"" + refreshToken + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token exchange answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("api_access_token").asText();
    }

    String token() {
        try {
            return mintToken(http, baseUrl, 1, SimulatorSettings.DEMO_REFRESH_TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (token != null) {
            request.header("TOKEN", token);
        }
        return send(request.GET().build());
    }

    Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
