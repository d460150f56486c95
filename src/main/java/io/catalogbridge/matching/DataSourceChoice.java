package io.catalogbridge.matching;

import java.util.List;

/** The catalog's data sources searched for an asset's table, ascending, and the rule that chose them. */
public record DataSourceChoice<I extends Comparable<? super I>>(DataSourceRule rule, List<I> dataSourceIds) {

    public DataSourceChoice {
        dataSourceIds = List.copyOf(dataSourceIds);
    }
}
