package io.catalogbridge.alation;

import io.catalogbridge.status.CredentialCheck;
import io.catalogbridge.status.CredentialSettings;
import io.catalogbridge.status.IntegrationStatusSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Alation's part in the status of its integrations: its tables ({@code sql/alation-status-*.sql}) and the check of a
 * tenant's refresh token at {@code validateRefreshToken} (route {@code check-alation-credential},
 * {@link AlationRefreshTokenCheck}), which the core caches for {@code catalog-bridge.alation.credential-check-cache}.
 */
@Component
public class AlationIntegrationStatus implements IntegrationStatusSource {

    private final CamelContext camelContext;
    private final AlationStatusProperties properties;
    private ProducerTemplate producer;

    public AlationIntegrationStatus(CamelContext camelContext, AlationStatusProperties properties) {
        this.camelContext = camelContext;
        this.properties = properties;
    }

    @Override
    public String catalog() {
        return AlationCalls.CATALOG;
    }

    @Override
    public String catalogName() {
        return "Alation";
    }

    @Override
    public CredentialCheck checkCredential(String tenant) {
        Exchange done = producer().request("direct:check-alation-credential",
                exchange -> exchange.setProperty("tenant", tenant));
        CredentialCheck check = done.getException() == null ? done.getMessage().getBody(CredentialCheck.class) : null;
        return check == null ? CredentialCheck.unknown() : check;
    }

    @Override
    public CredentialSettings credentialSettings() {
        return properties;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camelContext.createProducerTemplate();
        }
        return producer;
    }
}
