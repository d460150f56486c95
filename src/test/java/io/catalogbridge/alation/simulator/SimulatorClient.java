package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;

/** The tests' client of the Alation simulator: a {@link SimulatorHttpClient} that mints tokens and sends TOKEN. */
final class SimulatorClient extends SimulatorHttpClient {

    SimulatorClient(AlationSimulator simulator) {
        super(simulator.baseUrl());
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
            return mintToken(http(), baseUrl(), 1, SimulatorSettings.DEMO_REFRESH_TOKEN);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathAndQuery, String token) {
        return get(pathAndQuery, "TOKEN", token);
    }

    /** Every object of a listing, following X-Next-Page; an IllegalStateException on a page that is not a 200. */
    java.util.List<JsonNode> listAll(String pathAndQuery, String token) {
        java.util.List<JsonNode> objects = new java.util.ArrayList<>();
        String next = pathAndQuery;
        while (next != null) {
            Answer page = get(next, token);
            if (page.status() != 200) {
                throw new IllegalStateException(page.status() + " on " + next + ": " + page.body());
            }
            page.json().forEach(objects::add);
            next = page.header("X-Next-Page");
        }
        return objects;
    }

    /** A call with a JSON body (none when null) and the TOKEN header (none when null): POST, PUT, DELETE. */
    Answer send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("TOKEN", token);
        }
        try {
            HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a bulk job until it is successful or failed (at most 50 polls); its last answer. */
    JsonNode finish(long jobId, String token) {
        JsonNode job = null;
        for (int poll = 0; poll < 50; poll++) {
            job = get("/api/v1/bulk_metadata/job/?id=" + jobId, token).json();
            String status = job.get("status").asText();
            if (status.equals("successful") || status.equals("failed")) {
                return job;
            }
        }
        throw new IllegalStateException("job " + jobId + " did not end: " + job);
    }
}
