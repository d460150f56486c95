package io.catalogbridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a running service (in this JVM or another process) with an API key, as its users do. */
public record ServiceClient(int port, String key) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sends the request; a body is sent as application/json unless a content type is given. */
    public HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body == null ? null : "application/json", body);
    }

    public HttpResponse<String> call(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * Sends the body as given: raw bytes ({@code ofByteArray}, with a Content-Length) or a stream of unknown length
     * ({@code ofInputStream}, sent chunked).
     */
    public HttpResponse<String> send(String method, String path, String contentType,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
