package io.catalogbridge.matching;

import static io.catalogbridge.matching.CatalogFixtures.asset;
import static io.catalogbridge.matching.CatalogFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationMatcher;
import io.catalogbridge.assets.Asset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the matcher tells a caller before the catalog is listed: where each asset's table may be. */
class AlationMatcherPlanningTest {

    private final List<AlationDataSource> sources = List.of(source(1, "PG"), source(2, "Other"), source(3, "Linked"));
    private final Map<String, Long> links = Map.of("obs_linked", 3L);
    private final List<Asset> assets = List.of(
            new Asset("a1", "obs_linked", null, null, null, "adventureworks", "SalesLT", "Customer"),
            new Asset("a2", "obs_linked", null, null, null, "adventureworks", "SalesLT", "Orders"),
            asset("a3", "PG", "public", "orders"),
            asset("a4", "nowhere", "SALESLT", "customer"),
            asset("no-table", "PG", "public", null));

    @Test
    void eachAssetsCandidateDataSources() {
        AlationMatcher matcher = new AlationMatcher(assets, sources, links);

        assertThat(matcher.dataSourceChoice("a1")).isEqualTo(new DataSourceChoice(DataSourceRule.LINK, List.of(3L)));
        assertThat(matcher.dataSourceChoice("a3")).isEqualTo(new DataSourceChoice(DataSourceRule.TITLE, List.of(1L)));
        assertThat(matcher.dataSourceChoice("a4"))
                .isEqualTo(new DataSourceChoice(DataSourceRule.EVERY, List.of(1L, 2L, 3L)));
    }

    @Test
    void oneRequestPerDataSourceAndSchemaSpellingSortedWithTheTableNames() {
        assertThat(new AlationMatcher(assets, sources, links).schemaRequests()).containsExactly(
                new SchemaRequest<>(1L, "public", List.of("orders")),
                new SchemaRequest<>(1L, "SALESLT", List.of("customer")),
                new SchemaRequest<>(2L, "SALESLT", List.of("customer")),
                // a1 and a2 by their link, in both spellings; a4 from every source, merged ignoring case
                new SchemaRequest<>(3L, "adventureworks.SalesLT", List.of("Customer", "Orders")),
                new SchemaRequest<>(3L, "SALESLT", List.of("Customer", "Orders")));
    }

    @Test
    void theCountOfRequestsStopsAtItsBoundAndAgreesWithTheRequests() {
        AlationMatcher matcher = new AlationMatcher(assets, sources, links);

        // five requests (above): a bound of five or more holds them, four or fewer does not
        assertThat(matcher.schemaRequests()).hasSize(5);
        for (int max = 0; max <= 7; max++) {
            assertThat(matcher.schemaRequestsAtMost(max)).as("at most %d", max).isEqualTo(max >= 5);
        }
        assertThat(new AlationMatcher(List.of(), sources, links).schemaRequestsAtMost(0)).isTrue();
    }

    @Test
    void theRequestsDoNotDependOnTheOrderOfTheAssets() {
        List<Asset> reversed = new ArrayList<>(assets);
        Collections.reverse(reversed);

        assertThat(new AlationMatcher(reversed, sources, links).schemaRequests())
                .isEqualTo(new AlationMatcher(assets, sources, links).schemaRequests());
    }

    @Test
    void noAssetsNoRequests() {
        assertThat(new AlationMatcher(List.of(), sources, links).schemaRequests()).isEmpty();
    }
}
