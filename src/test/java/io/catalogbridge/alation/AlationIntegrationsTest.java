package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbridge.api.ProblemException;
import org.junit.jupiter.api.Test;

class AlationIntegrationsTest {

    private static AlationIntegrations integrations(boolean allowHttp) {
        return new AlationIntegrations(new AlationProperties(allowHttp, null, null, 0, 0, null, null, 0, null, null), null,
                null);
    }

    private static ProblemException refusal(AlationIntegrations integrations, String url) {
        return (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> integrations.validate(new AlationIntegrationRequest(url, 1L, "t", null)));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        ProblemException refused = refusal(integrations(false), "http://alation.example.com");
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.errors()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("must use https"));

        assertThat(integrations(true).validate(new AlationIntegrationRequest("http://127.0.0.1:9", 1L, "t", null)).url())
                .isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void theUrlIsNormalisedWithoutItsTrailingSlash() {
        assertThat(integrations(false).validate(
                new AlationIntegrationRequest("https://alation.example.com/", 1L, "t", null)).url())
                .isEqualTo("https://alation.example.com");
    }

    @Test
    void relativeUrlsCredentialsInUrlsAndQueriesAreRefused() {
        for (String url : new String[] {"alation.example.com", "/catalog", "https://user:pw@alation.example.com",
                "https://alation.example.com/?x=1", "not a url"}) {
            assertThat(refusal(integrations(false), url).errors()).as(url)
                    .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("url"));
        }
    }

    @Test
    void aMissingBodyIsA400() {
        assertThatThrownBy(() -> integrations(false).validate(null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("JSON object");
    }
}
