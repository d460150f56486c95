package io.catalogbridge.matching;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.assets.Asset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule 1 of matching: an asset's candidate data sources. The answer depends only on the asset's data source name and
 * connection, which thousands of assets share, so each distinct answer is worked out once and shared.
 */
final class DataSourceSelector {

    /**
     * A choice with its ids as a sorted array, so that the hot path tests a table's data source without boxing.
     * Equal choices are one instance (see {@link #select}), so comparing by the array's identity is comparing choices.
     */
    record Selection(DataSourceChoice choice, long[] ids) {

        static Selection of(DataSourceRule rule, Collection<Long> ids) {
            long[] sorted = ids.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
            return new Selection(new DataSourceChoice(rule, Arrays.stream(sorted).boxed().toList()), sorted);
        }

        boolean contains(long dataSourceId) {
            return Arrays.binarySearch(ids, dataSourceId) >= 0;
        }
    }

    private record AssetSide(String foldedName, DataSourceConnection connection) {
    }

    private final Map<Long, AlationDataSource> sourcesById = new TreeMap<>();
    private final Map<Long, DataSourceConnection> connectionsById = new TreeMap<>();
    private final Map<String, List<Long>> idsByFoldedTitle = new HashMap<>();
    private final Map<String, Long> linksByFoldedName = new HashMap<>();
    private final Selection every;
    private final Map<AssetSide, Selection> selections = new HashMap<>();
    private final Map<DataSourceChoice, Selection> distinctSelections = new HashMap<>();

    /**
     * @param links observability data source name → Alation data source id; names compare case-insensitively, like
     *              titles, so a link written with other capitals still applies
     */
    DataSourceSelector(Collection<AlationDataSource> dataSources, Map<String, Long> links) {
        for (AlationDataSource source : dataSources) {
            // ids share one space across native and connector sources; a repeated id is the same source
            if (source != null && source.id() != null && sourcesById.putIfAbsent(source.id(), source) == null) {
                connectionsById.put(source.id(), DataSourceConnection.of(source));
                if (source.title() != null) {
                    idsByFoldedTitle.computeIfAbsent(Names.fold(source.title()), title -> new ArrayList<>())
                            .add(source.id());
                }
            }
        }
        links.forEach((name, id) -> {
            if (name != null && id != null) {
                linksByFoldedName.merge(Names.fold(name), id, Math::min);
            }
        });
        every = Selection.of(DataSourceRule.EVERY, sourcesById.keySet());
        distinctSelections.put(every.choice(), every);
    }

    Selection select(Asset asset) {
        AssetSide side = new AssetSide(Names.fold(asset.dataSourceName()), DataSourceConnection.of(asset));
        return selections.computeIfAbsent(side, key -> {
            Selection chosen = choose(key);
            return distinctSelections.computeIfAbsent(chosen.choice(), choice -> chosen);
        });
    }

    private Selection choose(AssetSide side) {
        Long linked = side.foldedName() == null ? null : linksByFoldedName.get(side.foldedName());
        if (linked != null) {
            // a link is the user's word: it holds even when Alation does not list that data source (yet)
            return Selection.of(DataSourceRule.LINK, List.of(linked));
        }
        List<Long> connected = connectionsById.entrySet().stream()
                .filter(entry -> entry.getValue().agreesWith(side.connection()))
                .map(Map.Entry::getKey)
                .toList();
        if (!connected.isEmpty()) {
            return Selection.of(DataSourceRule.CONNECTION, connected);
        }
        List<Long> titled = side.foldedName() == null ? null : idsByFoldedTitle.get(side.foldedName());
        return titled != null ? Selection.of(DataSourceRule.TITLE, titled) : every;
    }

    /** The Alation data source with this id, or null when Alation did not list it. */
    AlationDataSource source(long id) {
        return sourcesById.get(id);
    }

    int sourceCount() {
        return sourcesById.size();
    }
}
