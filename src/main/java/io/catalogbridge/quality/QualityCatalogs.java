package io.catalogbridge.quality;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final QualityQueries queries;

    public QualityCatalogs(List<QualityCatalog> wings, QualityQueries queries) {
        this.wings = wings.stream().sorted(Comparator.comparing(QualityCatalog::catalog)).toList();
        this.queries = queries;
    }

    /** Every catalog a wing serves, by id in alphabetical order (the gauges have one series each). */
    public List<String> all() {
        return wings.stream().map(QualityCatalog::catalog).toList();
    }

    /** Whether the tenant has an integration of the catalog (false for a catalog no wing serves). */
    public boolean configured(String catalog, String tenant) {
        return wings.stream().filter(w -> w.catalog().equals(catalog)).findFirst()
                .map(w -> !queries.rows(w.configuredQuery(), Map.of("tenant", tenant)).isEmpty()).orElse(false);
    }

    /**
     * The catalogs the tenant has configured, in alphabetical order, each with those of {@code assetIds} that are
     * mapped to one of its tables.
     */
    public Map<String, Set<String>> mappedAssets(String tenant, Collection<String> assetIds) {
        Map<String, Set<String>> mapped = new LinkedHashMap<>();
        String[] ids = assetIds.toArray(String[]::new);
        for (QualityCatalog wing : wings) {
            if (queries.rows(wing.configuredQuery(), Map.of("tenant", tenant)).isEmpty()) {
                continue;
            }
            Set<String> assets = new HashSet<>();
            for (Map<String, Object> row : queries.rows(wing.mappedAssetsQuery(), Map.of("tenant", tenant, "asset_ids", ids))) {
                assets.add((String) row.get("asset_id"));
            }
            mapped.put(wing.catalog(), assets);
        }
        return mapped;
    }
}
