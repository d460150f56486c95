package io.catalogbridge.matching;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.matching.DataSourceSelector.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One asset while the catalog streams by: where to look (rules 1 and 2) and the candidate tables seen so far. */
final class AssetTarget<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    private final Asset asset;
    private final Selection<I> selection;
    private final String multipartSchema;
    private final List<T> candidates = new ArrayList<>(1);

    AssetTarget(Asset asset, Selection<I> selection) {
        this.asset = asset;
        this.selection = selection;
        this.multipartSchema = Names.multipartSchema(asset.database(), asset.schema());
    }

    Asset asset() {
        return asset;
    }

    Selection<I> selection() {
        return selection;
    }

    boolean isMatchable() {
        return asset.table() != null && asset.schema() != null;
    }

    /** The schema names a catalog may use for the asset's schema: as given, and multipart when a database is known. */
    List<String> schemaSpellings() {
        return multipartSchema == null ? List.of(asset.schema()) : List.of(asset.schema(), multipartSchema);
    }

    /** Rule 2 for a table whose name and schema already match ignoring case: is it in a candidate data source? */
    void offer(T table) {
        if (!selection.contains(table.dataSourceId())) {
            return;
        }
        // a table listed twice (pages overlapping while the catalog changes) is still one candidate
        for (T candidate : candidates) {
            if (candidate.id().equals(table.id())) {
                return;
            }
        }
        candidates.add(table);
    }

    /** Rules 3 and 4 on the candidates seen. */
    MatchOutcome<I, M> outcome(DataSourceSelector<I> sources, CatalogWords words, MappingFactory<I, T, M> mappings) {
        if (!isMatchable()) {
            String missing = asset.table() == null ? "table" : "schema";
            return MatchOutcome.unmatched(asset.assetId(),
                    "The asset names no " + missing + ", so no " + words.displayName() + " table can match it");
        }
        List<T> inExactCase = candidates.stream().filter(this::inExactCase).toList();
        List<T> chosen = (candidates.size() > 1 && !inExactCase.isEmpty() ? inExactCase : candidates).stream()
                .sorted(Comparator.comparing(T::id))
                .toList();
        Reasons<I, T> reasons = new Reasons<>(this, sources, words);
        if (chosen.isEmpty()) {
            return MatchOutcome.unmatched(asset.assetId(), reasons.unmatched());
        }
        if (chosen.size() == 1) {
            T table = chosen.get(0);
            CatalogDataSource<I> source = sources.source(table.dataSourceId());
            if (source == null) {
                // only a link can lead here; a mapping without its data source's name is not the documented one
                return MatchOutcome.unmatched(asset.assetId(), reasons.inUnlistedSource(table));
            }
            return MatchOutcome.mapped(asset.assetId(), table.id(), mappings.mapping(asset.assetId(), table, source),
                    reasons.mapped(table, candidates.size()));
        }
        return MatchOutcome.ambiguous(asset.assetId(), chosen.stream().map(T::id).toList(),
                reasons.ambiguous(chosen, !inExactCase.isEmpty()));
    }

    private boolean inExactCase(T table) {
        return table.name().equals(asset.table())
                && (table.schemaName().equals(asset.schema()) || table.schemaName().equals(multipartSchema));
    }
}
