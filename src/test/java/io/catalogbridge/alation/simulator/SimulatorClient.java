package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
}
