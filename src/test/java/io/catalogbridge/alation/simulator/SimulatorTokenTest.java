package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorTokenTest {

    private static final String TOKEN_PATH = "/integration/v1/createAPIAccessToken/";
    private static final String TABLES = "/integration/v2/table/?limit=1";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    private static final String NOT_AUTHENTICATED =
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"403000\"}";
    private static final String INVALID_REFRESH_TOKEN =
            "{\"detail\":\"Refresh token provided is invalid.\",\"code\":\"401000\"}";

    private AlationSimulator simulator;

    private SimulatorClient start(SimulatorSettings settings) throws Exception {
        simulator = AlationSimulator.start(settings.withCatalog(1, 500));
        return new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | {\"refresh_token\": \"demo-refresh-token\", \"user_id\": 1}",
        "application/x-www-form-urlencoded | refresh_token=demo-refresh-token&user_id=1"})
    void aValidRefreshTokenIsExchangedForAnActiveAccessTokenWithItsLifetime(String contentType, String body)
            throws Exception {
        SimulatorClient client = start(SimulatorSettings.defaults());
        Answer answer = client.post(TOKEN_PATH, contentType, body);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        JsonNode token = answer.json();
        assertThat(token.get("api_access_token").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(token.get("user_id").isIntegralNumber()).isTrue();
        assertThat(token.get("user_id").asLong()).isEqualTo(1);
        assertThat(token.get("token_status").asText()).isEqualTo("ACTIVE");
        assertThat(token.get("created_at").asText()).matches(TIMESTAMP);
        assertThat(token.get("token_expires_at").asText()).matches(TIMESTAMP);
        Instant created = Instant.parse(token.get("created_at").asText());
        assertThat(Duration.between(created, Instant.parse(token.get("token_expires_at").asText())))
                .isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(created, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        String another = client.token();
        assertThat(another).isNotEqualTo(token.get("api_access_token").asText());
        assertThat(client.get(TABLES, token.get("api_access_token").asText()).status()).isEqualTo(200);
        assertThat(client.get(TABLES, another).status()).isEqualTo(200);
        assertThat(simulator.stats().tokensIssued()).isEqualTo(2);
    }

    @Test
    void validateRefreshTokenAnswersTheRefreshTokensObjectUntilItExpiresAndRefusesARevokedOne() throws Exception {
        String validate = "/integration/v1/validateRefreshToken/";
        String body = "{\"refresh_token\": \"demo-refresh-token\", \"user_id\": 1}";
        SimulatorClient client = start(SimulatorSettings.defaults().withRefreshTokenTtl(Duration.ofDays(10)));

        Answer active = client.post(validate, "application/json", body);
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().get("token_status").asText()).isEqualTo("ACTIVE");
        assertThat(active.json().get("user_id").asLong()).isEqualTo(1);
        assertThat(active.json().get("token_expires_at").asText()).matches(TIMESTAMP);
        Instant created = Instant.parse(active.json().get("created_at").asText());
        assertThat(Duration.between(created, Instant.parse(active.json().get("token_expires_at").asText())))
                .isEqualTo(Duration.ofDays(10));
        assertThat(client.post(validate, "application/json", "{\"refresh_token\": \"other\", \"user_id\": 1}")
                .body()).isEqualTo(INVALID_REFRESH_TOKEN);
        assertThat(simulator.stats().count(SimulatorEndpoint.VALIDATE_REFRESH_TOKEN, 200)).isEqualTo(1);
        assertThat(simulator.stats().tokensIssued()).as("validating mints nothing").isZero();

        simulator.revokeRefreshToken(1);
        assertThat(client.post(validate, "application/json", body).status()).isEqualTo(401);
        assertThat(client.post(TOKEN_PATH, "application/json", body).status()).isEqualTo(401);
        simulator.close();

        // a refresh token past its expiry: EXPIRED, and it mints nothing
        client = start(SimulatorSettings.defaults().withRefreshTokenTtl(Duration.ofDays(-1)));
        Answer expired = client.post(validate, "application/json", body);
        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.json().get("token_status").asText()).isEqualTo("EXPIRED");
        assertThat(client.post(TOKEN_PATH, "application/json", body).body()).isEqualTo(INVALID_REFRESH_TOKEN);
    }

    @Test
    void aWrongRefreshTokenOrUserIs401() throws Exception {
        SimulatorClient client = start(SimulatorSettings.defaults().withUsers(Map.of(81L, "token-of-81")));
        for (String body : new String[] {
            "{\"refresh_token\": \"demo-refresh-token\", \"user_id\": 1}", // user 1 is not configured here
            "{\"refresh_token\": \"token-of-81\", \"user_id\": 82}",
            "{\"refresh_token\": \"token-of-8\", \"user_id\": 81}",
            "{\"refresh_token\": \"token-of-81\", \"user_id\": 81.5}",
            "{\"refresh_token\": \"token-of-81\"}",
            "{\"user_id\": 81}"}) {
            Answer answer = client.post(TOKEN_PATH, "application/json", body);
            assertThat(answer.status()).as(body).isEqualTo(401);
            assertThat(answer.body()).as(body).isEqualTo(INVALID_REFRESH_TOKEN);
        }
        Answer good = client.post(TOKEN_PATH, "application/json",
                "{\"refresh_token\": \"token-of-81\", \"user_id\": \"81\"}");
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.json().get("user_id").asLong()).isEqualTo(81);

        Answer malformed = client.post(TOKEN_PATH, "application/json", "{\"refresh_token\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("400000");
        assertThat(simulator.stats().count(SimulatorEndpoint.TOKEN, 401)).isEqualTo(6);
    }

    @Test
    void dataCallsWithoutAKnownTokenAre403AndTheHeaderNameIsCaseInsensitive() throws Exception {
        SimulatorClient client = start(SimulatorSettings.defaults());
        for (String token : new String[] {null, "", "not-a-token"}) {
            Answer answer = client.get(TABLES, token);
            assertThat(answer.status()).as("token %s", token).isEqualTo(403);
            assertThat(answer.body()).isEqualTo(NOT_AUTHENTICATED);
        }
        String token = client.token();
        for (String header : new String[] {"token", "Token", "TOKEN"}) {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(simulator.baseUrl() + TABLES))
                            .header(header, token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(200);
        }
        assertThat(simulator.stats().count(SimulatorEndpoint.TABLES, 403)).isEqualTo(3);
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetime() throws Exception {
        SimulatorClient client = start(SimulatorSettings.defaults().withTokenTtl(Duration.ofMillis(400)));
        Answer minted = client.post(TOKEN_PATH, "application/json",
                "{\"refresh_token\": \"demo-refresh-token\", \"user_id\": 1}");
        assertThat(Duration.between(Instant.parse(minted.json().get("created_at").asText()),
                Instant.parse(minted.json().get("token_expires_at").asText()))).isEqualTo(Duration.ofMillis(400));
        String token = minted.json().get("api_access_token").asText();
        assertThat(client.get(TABLES, token).status()).isEqualTo(200);

        Thread.sleep(500);
        Answer expired = client.get(TABLES, token);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(client.get(TABLES, client.token()).status()).isEqualTo(200);
    }

    @Test
    void anAccessTokenExpiresAfterNDataRequestsWhenThatFaultIsOn() throws Exception {
        SimulatorClient client = start(SimulatorSettings.defaults());
        simulator.faults().expireTokensAfter(3);
        String token = client.token();
        for (int i = 1; i <= 3; i++) {
            assertThat(client.get(TABLES, token).status()).as("request %d", i).isEqualTo(200);
        }
        assertThat(client.get(TABLES, token).body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(client.get(TABLES, token).status()).as("an expired token stays expired").isEqualTo(403);
        String fresh = client.token();
        assertThat(client.get(TABLES, fresh).status()).isEqualTo(200);

        simulator.faults().expireTokensAfter(0);
        for (int i = 0; i < 5; i++) {
            assertThat(client.get(TABLES, fresh).status()).isEqualTo(200);
        }
    }
}
