package io.catalogbridge.status;

import io.catalogbridge.ApiTestSupport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the status API tests: each test starts with no health recorded (in the table and in this replica's
 * memory of what it wrote) and no credential check of an integration the cleanup removed.
 */
abstract class IntegrationStatusTestSupport extends ApiTestSupport {

    @Autowired
    IntegrationHealth health;

    @Autowired
    CredentialChecks checks;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void cleanHealth() {
        health.flush();
        jdbc.update("DELETE FROM integration_health");
        health.forgetWritten();
        checks.refreshAll();
    }

    /** The gauge of acme's credential in the catalog, or null when there is none. */
    Gauge credentialGauge(String catalog) {
        return meters.find(CredentialChecks.GAUGE).tags("tenant", "acme", "catalog", catalog).gauge();
    }
}
