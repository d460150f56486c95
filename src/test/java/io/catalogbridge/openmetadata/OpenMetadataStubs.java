package io.catalogbridge.openmetadata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the OpenMetadata API tests fake: a bot JWT, OpenMetadata's answers, and what a request it got carried. */
public final class OpenMetadataStubs {

    /** A bot JWT as OpenMetadata issues them (RS256 header, sub, isBot, exp 2100-01-01T00:00:00Z), signed by no one. */
    public static final String JWT = jwt("{\"sub\":\"ingestion-bot\",\"isBot\":true,\"iss\":\"open-metadata.org\","
            + "\"exp\":4102444800}");
    public static final String USER_PATH = "/api/v1/users/loggedInUser";

    private OpenMetadataStubs() {
    }

    /** A WireMock server to play OpenMetadata, for a test class's {@code @RegisterExtension}. */
    public static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    public static String jwt(String payload) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + "c2lnbmF0dXJl";
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** GET /v1/users/loggedInUser as OpenMetadata answers it for a bot. */
    public static ResponseDefinitionBuilder botUser() {
        return json(200, """
                {"id": "0d1f5c43-6a61-4d4e-9b7c-2f3a1f9b8e01", "name": "ingestion-bot",
                 "fullyQualifiedName": "ingestion-bot", "isBot": true, "isAdmin": false, "deleted": false}""");
    }

    /** Every header value the request carried, one "name: value" each. */
    public static String headersOf(LoggedRequest request) {
        StringBuilder headers = new StringBuilder();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.append(header.key()).append(": ").append(String.join(",", header.values())).append('\n');
        }
        return headers.toString();
    }
}
