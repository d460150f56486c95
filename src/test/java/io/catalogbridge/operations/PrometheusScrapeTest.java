package io.catalogbridge.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** {@code /actuator/prometheus}: Camel's route metrics beside the Alation request timer, in the Prometheus format. */
// Spring Boot's tests switch metrics export (so the Prometheus registry and endpoint) off unless asked for
@AutoConfigureObservability(tracing = false)
class PrometheusScrapeTest extends ApiTestSupport {

    private static double sample(String scrape, String metric, String... labels) {
        StringBuilder regex = new StringBuilder("(?m)^").append(Pattern.quote(metric)).append("\\{");
        for (String label : labels) {
            regex.append("(?=[^}]*").append(Pattern.quote(label)).append(")");
        }
        regex.append("[^}]*\\} ([0-9.eE+-]+)$");
        Matcher matcher = Pattern.compile(regex.toString()).matcher(scrape);
        assertThat(matcher.find()).as("%s{%s} in the scrape", metric, String.join(",", labels)).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theScrapeHoldsCamelRouteMetricsAndTheAlationTimerAfterACall() {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).willReturn(json(
                "{\"api_access_token\": \"access-1\", \"token_expires_at\": \"2099-01-01T00:00:00Z\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/table/")).willReturn(json(
                "[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1, \"schema_id\": 10, \"schema_name\": \"public\"}]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(json(
                "[{\"id\": 1, \"dbtype\": \"postgresql\", \"title\": \"Sales PG\"}]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(json("[]")));
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY,
                "[{\"asset_id\": \"a\", \"schema\": \"public\", \"table\": \"orders\"}]").status()).isEqualTo(200);
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 7, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        assertThat(call("POST", "/acme/configuration/mappings/alation", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a\", \"alation_table_id\": 100}").status()).isEqualTo(200);

        Answer scrape = get("/actuator/prometheus", ALL_TENANTS_KEY);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        String body = scrape.body();
        assertThat(sample(body, "catalog_bridge_alation_requests_seconds_count",
                "endpoint=\"/integration/v2/table/\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        assertThat(body).contains("# TYPE catalog_bridge_alation_requests_seconds summary");
        assertThat(sample(body, "camel_exchanges_total", "routeId=\"post-alation-mapping\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(body, "camel_route_policy_seconds_count", "routeId=\"post-alation-mapping\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(body).doesNotContain("access-1").doesNotContain(ALL_TENANTS_KEY);
    }

    @Test
    void theScrapeHoldsTheDaysLeftOfEachCheckedCredential() {
        alation.stubFor(post(urlEqualTo("/integration/v1/validateRefreshToken/")).willReturn(json(
                "{\"refresh_token\": \"r2\", \"user_id\": 7, \"token_status\": \"ACTIVE\","
                        + " \"token_expires_at\": \"2099-01-01T00:00:00.000000Z\"}")));
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 7, \"refresh_api_token\": \"r2\"}").status())
                .isEqualTo(200);
        assertThat(get("/acme/configuration/integrations/alation/status", ALL_TENANTS_KEY).status()).isEqualTo(200);

        String body = get("/actuator/prometheus", ALL_TENANTS_KEY).body();

        double days = java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse("2099-01-01T00:00:00Z")).toMinutes() / 1440.0;
        assertThat(sample(body, "catalog_bridge_credential_days_left", "catalog=\"alation\"", "tenant=\"acme\""))
                .isCloseTo(days, org.assertj.core.data.Offset.offset(0.01));
        assertThat(body).contains("# TYPE catalog_bridge_credential_days_left gauge").doesNotContain("r2\"");
    }
}
