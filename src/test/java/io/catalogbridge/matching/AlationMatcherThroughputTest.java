package io.catalogbridge.matching;

import static io.catalogbridge.matching.CatalogFixtures.source;
import static io.catalogbridge.matching.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationMatcher;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.alation.AlationMapping;
import io.catalogbridge.assets.Asset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * How fast the matcher takes tables in, printed, never asserted (machines differ): a tenant's 100,000 assets against
 * a stream of catalog tables, most of which no asset names. The assertions only check that the run did its work.
 */
class AlationMatcherThroughputTest {

    private static final int ASSETS = 100_000;
    private static final int SOURCES = 5;

    private final List<AlationDataSource> sources =
            LongStream.rangeClosed(1, SOURCES).mapToObj(id -> source(id, "Source " + id)).toList();
    private final List<Asset> assets = new ArrayList<>();

    AlationMatcherThroughputTest() {
        for (int i = 0; i < ASSETS; i++) {
            assets.add(new Asset("asset-" + i, null, null, null, null, null, "Schema_" + i % 100, "Table_" + i));
        }
    }

    @Test
    void printsTablesPerSecond() {
        // mixed-case names, as Alation gives them, so that each lookup folds a fresh string like a parsed page does
        List<AlationTable> others = new ArrayList<>();
        for (long id = 0; id < 200_000; id++) {
            others.add(table(id, 1 + id % SOURCES, id % 100, "Schema_" + id % 100, "Other_Table_" + id));
        }
        List<AlationTable> matching = new ArrayList<>();
        for (long id = 0; id < (long) ASSETS * SOURCES; id++) {
            matching.add(table(1_000_000 + id, 1 + id % SOURCES, id % 100, "Schema_" + id / SOURCES % 100,
                    "Table_" + id / SOURCES));
        }

        for (int warmUp = 0; warmUp < 2; warmUp++) {
            run(others, 4, matching);
        }
        AlationMatcher matcher = run(others, 5, matching);

        assertThat(matcher.tablesSeen()).isEqualTo(5L * others.size() + matching.size());
        assertThat(matcher.summary()).isEqualTo(new MatchSummary(ASSETS, 0, ASSETS, 0));
        assertThat(matcher.outcome("asset-7").candidateTableIds())
                .containsExactly(1_000_035L, 1_000_036L, 1_000_037L, 1_000_038L, 1_000_039L);
    }

    private AlationMatcher run(List<AlationTable> others, int passes, List<AlationTable> matching) {
        long start = System.nanoTime();
        AlationMatcher matcher = new AlationMatcher(assets, sources, Map.of());
        long built = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            matcher.accept(others);
        }
        long rejected = System.nanoTime();
        matcher.accept(matching);
        long accepted = System.nanoTime();
        List<MatchOutcome<Long, AlationMapping>> outcomes = matcher.outcomes();
        long decided = System.nanoTime();
        List<SchemaRequest<Long>> requests = matcher.schemaRequests();
        long planned = System.nanoTime();
        System.out.printf("matcher: %,d assets indexed in %d ms; %,.0f non-matching tables/s; %,.0f matching tables/s;"
                        + " %,d outcomes in %d ms; %,d schema requests in %d ms%n",
                ASSETS, (built - start) / 1_000_000, perSecond((long) passes * others.size(), rejected - built),
                perSecond(matching.size(), accepted - rejected), outcomes.size(), (decided - accepted) / 1_000_000,
                requests.size(), (planned - decided) / 1_000_000);
        return matcher;
    }

    private static double perSecond(long tables, long nanos) {
        return tables * 1e9 / nanos;
    }
}
