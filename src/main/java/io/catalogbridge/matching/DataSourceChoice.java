package io.catalogbridge.matching;

import java.util.List;

/** The Alation data sources searched for an asset's table, ascending, and the rule that chose them. */
public record DataSourceChoice(DataSourceRule rule, List<Long> dataSourceIds) {

    public DataSourceChoice {
        dataSourceIds = List.copyOf(dataSourceIds);
    }
}
