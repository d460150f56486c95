package io.catalogbridge.quality;

import io.catalogbridge.database.SqlQueries;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The catalogs a tenant's results go to, asked of the wings ({@link QualityCatalog}): which the tenant has configured
 * and, for each, which assets are mapped there. The wings' queries run through the SQL component on the caller's
 * thread, so inside a transacted route they read in its transaction.
 */
@Component("qualityCatalogs")
public class QualityCatalogs {

    private final List<QualityCatalog> wings;
    private final SqlQueries queries;

    public QualityCatalogs(List<QualityCatalog> wings, SqlQueries queries) {
        this.wings = wings.stream().sorted(Comparator.comparing(QualityCatalog::catalog)).toList();
        this.queries = queries;
    }

    /** Every catalog a wing serves, by id in alphabetical order (the gauges have one series each). */
    public List<String> all() {
        return wings.stream().map(QualityCatalog::catalog).toList();
    }

    /** Whether the tenant has an integration of the catalog (false for a catalog no wing serves). */
    public boolean configured(String catalog, String tenant) {
        return find(catalog).map(w -> configured(w, tenant)).orElse(false);
    }

    /**
     * The catalogs the tenant has configured, in alphabetical order, each with those of {@code assetIds} that are
     * mapped to one of its tables.
     */
    public Map<String, Set<String>> mappedAssets(String tenant, Collection<String> assetIds) {
        Map<String, Set<String>> mapped = new LinkedHashMap<>();
        String[] ids = assetIds.toArray(String[]::new);
        for (QualityCatalog wing : wings) {
            if (!configured(wing, tenant)) {
                continue;
            }
            mapped.put(wing.catalog(), new HashSet<>(locations(wing, tenant, ids).keySet()));
        }
        return mapped;
    }

    /**
     * Queues again, for the catalog, the results of those of {@code assetIds} whose deliveries no longer match their
     * mappings ({@code sql/quality-delivery-requeue.sql}): what a wing calls, in the transaction that changes
     * mappings, after it set, changed or removed them, so that each result follows its asset (the wing moves the
     * catalog's copy when it delivers). Nothing happens for assets without results, or when the tenant has no
     * integration of the catalog with its push on. Answers how many deliveries were queued.
     */
    public int requeue(String tenant, String catalog, Collection<String> assetIds) {
        if (assetIds.isEmpty()) {
            return 0;
        }
        return requeue(tenant, catalog, assetIds.toArray(String[]::new), false);
    }

    /** {@link #requeue} of one asset. */
    public int requeueAsset(String tenant, String catalog, String assetId) {
        return requeue(tenant, catalog, new String[] {assetId}, false);
    }

    /**
     * {@link #requeue} of the assets of a batch of mappings (the parameters of a wing's
     * {@code sql/<catalog>-mapping-upsert.sql}: their ids in {@code asset_id}).
     */
    public int requeueBatch(String tenant, String catalog, Map<String, Object> mappingBatch) {
        return requeue(tenant, catalog, (String[]) mappingBatch.get("asset_id"), false);
    }

    /**
     * {@link #requeue} of every asset of the tenant that has results: what a wing calls when its integration is
     * created or its quality push is turned on, so that the results it missed go to the catalog.
     */
    public int requeueTenant(String tenant, String catalog) {
        return requeue(tenant, catalog, new String[0], true);
    }

    private int requeue(String tenant, String catalog, String[] assetIds, boolean every) {
        QualityCatalog wing = wing(catalog);
        List<Map<String, Object>> withResults = queries.rows("quality-result-assets.sql",
                Map.of("tenant", tenant, "asset_ids", assetIds, "every", every));
        if (withResults.isEmpty() || !configured(wing, tenant)) {
            return 0;
        }
        String[] ids = withResults.stream().map(row -> (String) row.get("asset_id")).toArray(String[]::new);
        Map<String, String> located = locations(wing, tenant, ids);
        String[] locations = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            locations[i] = located.get(ids[i]);
        }
        return queries.update("quality-delivery-requeue.sql",
                Map.of("tenant", tenant, "catalog", catalog, "asset_id", ids, "location", locations));
    }

    private Map<String, String> locations(QualityCatalog wing, String tenant, String[] assetIds) {
        Map<String, String> located = new HashMap<>();
        for (Map<String, Object> row : queries.rows(wing.locationsQuery(), Map.of("tenant", tenant, "asset_ids", assetIds))) {
            located.put((String) row.get("asset_id"), (String) row.get("location"));
        }
        return located;
    }

    private boolean configured(QualityCatalog wing, String tenant) {
        return !queries.rows(wing.configuredQuery(), Map.of("tenant", tenant)).isEmpty();
    }

    private Optional<QualityCatalog> find(String catalog) {
        return wings.stream().filter(w -> w.catalog().equals(catalog)).findFirst();
    }

    private QualityCatalog wing(String catalog) {
        return find(catalog)
                .orElseThrow(() -> new IllegalArgumentException("No wing serves quality results of " + catalog));
    }
}
