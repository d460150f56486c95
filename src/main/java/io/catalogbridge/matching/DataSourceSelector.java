package io.catalogbridge.matching;

import io.catalogbridge.assets.Asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rule 1 of matching: an asset's candidate data sources. The answer depends only on the asset's data source name and
 * connection, which thousands of assets share, so each distinct answer is worked out once and shared.
 */
final class DataSourceSelector<I extends Comparable<? super I>> {

    /**
     * A choice with its ids as a hash set, so that the hot path tests a table's data source in one lookup. Equal
     * choices are one instance (see {@link #select}), so comparing by identity is comparing choices.
     */
    static final class Selection<I extends Comparable<? super I>> {

        private final DataSourceChoice<I> choice;
        private final Set<I> ids;

        private Selection(DataSourceChoice<I> choice) {
            this.choice = choice;
            this.ids = new HashSet<>(choice.dataSourceIds());
        }

        static <I extends Comparable<? super I>> Selection<I> of(DataSourceRule rule, Collection<I> ids) {
            return new Selection<>(new DataSourceChoice<>(rule, ids.stream().distinct().sorted().toList()));
        }

        DataSourceChoice<I> choice() {
            return choice;
        }

        boolean contains(I dataSourceId) {
            return ids.contains(dataSourceId);
        }
    }

    private record AssetSide(String foldedName, DataSourceConnection connection) {
    }

    private final Map<I, CatalogDataSource<I>> sourcesById = new TreeMap<>();
    private final Map<String, List<I>> idsByFoldedTitle = new HashMap<>();
    private final Map<String, I> linksByFoldedName = new HashMap<>();
    private final Map<String, String> unlistedLinksByFoldedName = new HashMap<>();
    private final int hiddenConnections;
    private final Selection<I> every;
    private final Map<AssetSide, Selection<I>> selections = new HashMap<>();
    private final Map<DataSourceChoice<I>, Selection<I>> distinctSelections = new HashMap<>();

    /**
     * @param links the tenant's links; their observability data source names compare case-insensitively, like
     *              titles, so a link written with other capitals still applies
     */
    DataSourceSelector(Collection<CatalogDataSource<I>> dataSources, DataSourceLinks<I> links) {
        for (CatalogDataSource<I> source : dataSources) {
            // a repeated id is the same source (a wing may list its sources from several listings)
            if (source != null && source.id() != null && sourcesById.putIfAbsent(source.id(), source) == null) {
                for (String title : source.titles()) {
                    List<I> titled = idsByFoldedTitle.computeIfAbsent(Names.fold(title), folded -> new ArrayList<>());
                    if (!titled.contains(source.id())) {
                        titled.add(source.id());
                    }
                }
            }
        }
        links.ids().forEach((name, id) -> {
            if (name != null && id != null) {
                linksByFoldedName.merge(Names.fold(name), id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        links.unlisted().forEach((name, named) -> {
            if (name != null && named != null) {
                unlistedLinksByFoldedName.merge(Names.fold(name), named, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        hiddenConnections = (int) sourcesById.values().stream().filter(CatalogDataSource::connectionHidden).count();
        every = Selection.of(DataSourceRule.EVERY, sourcesById.keySet());
        distinctSelections.put(every.choice(), every);
    }

    Selection<I> select(Asset asset) {
        AssetSide side = new AssetSide(Names.fold(asset.dataSourceName()), DataSourceConnection.of(asset));
        return selections.computeIfAbsent(side, key -> {
            Selection<I> chosen = choose(key);
            return distinctSelections.computeIfAbsent(chosen.choice(), choice -> chosen);
        });
    }

    private Selection<I> choose(AssetSide side) {
        I linked = side.foldedName() == null ? null : linksByFoldedName.get(side.foldedName());
        if (linked != null) {
            // a link is the user's word: it holds even when the catalog does not list that data source (yet)
            return Selection.of(DataSourceRule.LINK, List.of(linked));
        }
        if (side.foldedName() != null && unlistedLinksByFoldedName.containsKey(side.foldedName())) {
            // no id to search, yet the link still holds: other rules would map the asset against the user's word
            return Selection.of(DataSourceRule.LINK, List.<I>of());
        }
        List<I> connected = sourcesById.values().stream()
                .filter(source -> source.connection().agreesWith(side.connection()))
                .map(CatalogDataSource::id)
                .toList();
        if (!connected.isEmpty()) {
            return Selection.of(DataSourceRule.CONNECTION, connected);
        }
        List<I> titled = side.foldedName() == null ? null : idsByFoldedTitle.get(side.foldedName());
        return titled != null ? Selection.of(DataSourceRule.TITLE, titled) : every;
    }

    /** The data source with this id, or null when the catalog did not list it. */
    CatalogDataSource<I> source(I id) {
        return sourcesById.get(id);
    }

    /** The data source the asset's link names when the catalog does not list it by that name, or null. */
    String unlistedLink(Asset asset) {
        String foldedName = Names.fold(asset.dataSourceName());
        return foldedName == null || linksByFoldedName.containsKey(foldedName) ? null
                : unlistedLinksByFoldedName.get(foldedName);
    }

    int sourceCount() {
        return sourcesById.size();
    }

    /** How many data sources' connections the catalog withheld ({@link CatalogDataSource#connectionHidden()}). */
    int hiddenConnections() {
        return hiddenConnections;
    }
}
