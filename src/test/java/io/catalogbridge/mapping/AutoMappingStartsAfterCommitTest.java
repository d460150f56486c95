package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A queued job starts once the transaction that queued it commits, not at the job engine's next poll: with the poll
 * an hour away, the job still runs (MappingJobs.schedule asks the engine to look again after the commit). Its own
 * context, for the long polling interval.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class AutoMappingStartsAfterCommitTest extends ApiTestSupport {

    private static final String AUTO = "/acme/configuration/mappings/alation/auto";

    @Test
    void aJobRunsWithoutWaitingForThePoll() {
        AlationCatalogStubs.stubCatalog(alation);
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "a1", "data_source_type": "sqlserver", "host": "mssql.example.com",
                  "database": "adventureworks", "schema": "SalesLT", "table": "CustomerAddress"}]""").status())
                .isEqualTo(200);

        for (int job = 0; job < 3; job++) {
            JsonNode report = finishedJob(AUTO, startJob(AUTO, "Alation"));

            assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
            // the first job maps the asset, the later ones find it mapped already
            assertThat(report.get("summary").toString()).isEqualTo(job == 0
                    ? "{\"assets\":1,\"mapped\":1,\"unchanged\":0,\"ambiguous\":0,\"unmatched\":0}"
                    : "{\"assets\":1,\"mapped\":0,\"unchanged\":1,\"ambiguous\":0,\"unmatched\":0}");
        }
    }
}
