package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The tests' client of the OpenMetadata simulator: a {@link SimulatorHttpClient} that sends a bearer token. */
final class OmClient extends SimulatorHttpClient {

    private final String token;

    OmClient(OpenMetadataSimulator simulator, String token) {
        super(simulator.baseUrl());
        this.token = token;
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
        return get(pathAndQuery, "Authorization", token == null ? null : "Bearer " + token);
    }

    Answer post(String path, String body) {
        return post(path, "application/json", body);
    }

    /** A JSON POST with the bearer token, as the data-quality calls are made. */
    Answer postJson(String path, String body) {
        return send("POST", path, body);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
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
}
