package io.catalogbridge.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.AlationProblems;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Bodies over the size limit are refused with 413; the Alation client follows no redirect to another host. */
@TestPropertySource(properties = "catalog-bridge.api.max-request-size=64KB")
class RequestLimitsAndRedirectsTest extends ApiTestSupport {

    @RegisterExtension
    static final WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @Autowired
    ProducerTemplate template;

    @Test
    void aBodyOverTheLimitIs413AndNothingIsWritten() {
        String big = "[" + "{\"asset_id\": \"a\", \"schema\": \"s\", \"table\": \"t\"},".repeat(2_000) + "{}]";

        Answer answer = putJson("/acme/assets", ALL_TENANTS_KEY, big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("65536 bytes");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset", Integer.class)).isZero();
    }

    @Test
    void aRedirectFromAlationIsNotFollowed() {
        elsewhere.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"access-1\", \"token_expires_at\": \"2099-01-01T00:00:00Z\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/table/")).willReturn(aResponse()
                .withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/integration/v2/table/")));
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);

        Exchange exchange = template.send("direct:load-alation-connection", e -> e.setProperty("tenant", "acme"));
        exchange.setProperty("alationPageHandler", "mock:unused");
        Exchange result = template.send("direct:list-alation-tables", exchange);

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("HTTP 302");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theIntegrationUrlRefusesMetadataAddressesEvenAsHostnames() {
        Answer answer = putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"https://metadata.google.internal\", \"user_id\": 1, \"refresh_api_token\": \"t\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/detail").asText()).contains("cloud-metadata");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_integration", Integer.class)).isZero();
    }
}
