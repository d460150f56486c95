package io.catalogbridge.matching;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.mapping.AlationMapping;
import io.catalogbridge.matching.DataSourceSelector.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One asset while the catalog streams by: where to look (rules 1 and 2) and the candidate tables seen so far. */
final class AssetTarget {

    private final Asset asset;
    private final Selection selection;
    private final String multipartSchema;
    private final List<AlationTable> candidates = new ArrayList<>(1);

    AssetTarget(Asset asset, Selection selection) {
        this.asset = asset;
        this.selection = selection;
        this.multipartSchema = Names.multipartSchema(asset.database(), asset.schema());
    }

    Asset asset() {
        return asset;
    }

    Selection selection() {
        return selection;
    }

    boolean isMatchable() {
        return asset.table() != null && asset.schema() != null;
    }

    /** The schema names Alation may use for the asset's schema: as given, and multipart when a database is known. */
    List<String> schemaSpellings() {
        return multipartSchema == null ? List.of(asset.schema()) : List.of(asset.schema(), multipartSchema);
    }

    /** Rule 2 for a table whose name and schema already match ignoring case: is it in a candidate data source? */
    void offer(AlationTable table) {
        if (!selection.contains(table.dsId())) {
            return;
        }
        // a table listed twice (pages overlapping while the catalog changes) is still one candidate
        for (AlationTable candidate : candidates) {
            if (candidate.id().equals(table.id())) {
                return;
            }
        }
        candidates.add(table);
    }

    /** Rules 3 and 4 on the candidates seen. */
    MatchOutcome outcome(DataSourceSelector sources) {
        if (!isMatchable()) {
            String missing = asset.table() == null ? "table" : "schema";
            return MatchOutcome.unmatched(asset.assetId(),
                    "The asset names no " + missing + ", so no Alation table can match it");
        }
        List<AlationTable> inExactCase = candidates.stream().filter(this::inExactCase).toList();
        List<AlationTable> chosen = (candidates.size() > 1 && !inExactCase.isEmpty() ? inExactCase : candidates).stream()
                .sorted(Comparator.comparing(AlationTable::id))
                .toList();
        Reasons reasons = new Reasons(this, sources);
        if (chosen.isEmpty()) {
            return MatchOutcome.unmatched(asset.assetId(), reasons.unmatched());
        }
        if (chosen.size() == 1) {
            AlationDataSource source = sources.source(chosen.get(0).dsId());
            if (source == null) {
                // only a link can lead here; a mapping without its data source's name is not the documented one
                return MatchOutcome.unmatched(asset.assetId(), reasons.inUnlistedSource(chosen.get(0)));
            }
            return MatchOutcome.mapped(mapping(chosen.get(0), source), reasons.mapped(chosen.get(0), candidates.size()));
        }
        return MatchOutcome.ambiguous(asset.assetId(), chosen.stream().map(AlationTable::id).toList(),
                reasons.ambiguous(chosen, !inExactCase.isEmpty()));
    }

    private boolean inExactCase(AlationTable table) {
        return table.name().equals(asset.table())
                && (table.schemaName().equals(asset.schema()) || table.schemaName().equals(multipartSchema));
    }

    private AlationMapping mapping(AlationTable table, AlationDataSource source) {
        return AlationMapping.of(asset.assetId(), table, source.title());
    }
}
