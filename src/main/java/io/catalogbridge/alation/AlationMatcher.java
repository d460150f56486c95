package io.catalogbridge.alation;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.alation.AlationMapping;
import io.catalogbridge.matching.AssetMatcher;
import io.catalogbridge.matching.CatalogWords;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The core's matcher over Alation's catalog: Alation's data sources (native and connector ones together) as neutral
 * ones, its tables as they are parsed, its words in the reasons, and its mapping shape.
 */
public final class AlationMatcher extends AssetMatcher<Long, AlationTable, AlationMapping> {

    /** How reasons name Alation, and the field of a data-source link that holds Alation's data source id. */
    public static final CatalogWords WORDS = new CatalogWords("Alation", "alation_data_source_id");

    /**
     * @param assets          the tenant's assets; asset ids must be present and unique
     * @param dataSources     Alation's data sources, native and connector ones together
     * @param dataSourceLinks the tenant's links: observability data source name → Alation data source id
     */
    public AlationMatcher(Collection<Asset> assets, Collection<AlationDataSource> dataSources,
            Map<String, Long> dataSourceLinks) {
        super(assets, dataSources.stream().filter(Objects::nonNull).map(AlationDataSource::toCatalog).toList(),
                dataSourceLinks, WORDS, (assetId, table, source) -> AlationMapping.of(assetId, table, source.title()));
    }
}
