package io.catalogbridge.quality.demo;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.quality.QualityResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's quality results (profile {@code demo}): two table-level results for each asset a wing's demo registers
 * ({@code routes/quality/demo/demo-quality-results.camel.yaml}), so that the README's walkthrough shows them arriving in
 * each catalog once a job has mapped their assets. Every fourth asset's freshness alerts, every third one's row count
 * warns; the others are good.
 */
@Component("demoQualityResults")
@Profile("demo")
public class DemoQualityResults {

    private static final String MONITORS = "https://observability.example.com/monitors/";

    /** The results of the assets, measured an hour before now. */
    public List<QualityResult> of(List<Asset> assets) {
        String measuredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<QualityResult> results = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            String assetId = assets.get(i).assetId();
            boolean stale = i % 4 == 0;
            results.add(new QualityResult(assetId, "freshness", "Freshness", "Hours since the last load", "NUMERIC",
                    null, stale ? "ALERT" : "GOOD", stale ? 26.5 : 1.5, MONITORS + assetId + "/freshness",
                    measuredAt));
            boolean thin = i % 3 == 0;
            results.add(new QualityResult(assetId, "row_count", "Row count", "Rows loaded by the last run", "NUMERIC",
                    null, thin ? "WARNING" : "GOOD", thin ? 120 : 48_000 + i, MONITORS + assetId + "/row_count",
                    measuredAt));
        }
        return results;
    }
}
