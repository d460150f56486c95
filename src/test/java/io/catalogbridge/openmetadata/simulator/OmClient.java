package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient;
import java.net.URLEncoder;
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
