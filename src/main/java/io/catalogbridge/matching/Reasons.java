package io.catalogbridge.matching;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.assets.Asset;

import java.util.List;
import java.util.stream.Collectors;

/** The words of an outcome: what was looked for, where, and why there, so that a user can fix what is wrong. */
final class Reasons {

    /** Beyond this many data sources a reason names the first ones and counts the rest. */
    private static final int NAMED_SOURCES = 5;

    private final AssetTarget target;
    private final DataSourceSelector sources;

    Reasons(AssetTarget target, DataSourceSelector sources) {
        this.target = target;
        this.sources = sources;
    }

    String unmatched() {
        return "No " + wanted() + " in " + searched();
    }

    String mapped(AlationTable table, int caseInsensitiveMatches) {
        String reason = "Found table " + quote(table.name()) + " in schema " + quote(table.schemaName()) + " of "
                + source(table.dsId()) + " (" + why() + ")";
        return caseInsensitiveMatches == 1 ? reason
                : reason + "; the only one in exact case of " + caseInsensitiveMatches + " tables that match ignoring case";
    }

    /** The one table found is in a data source Alation did not list (a link named it): not mapped, and why. */
    String inUnlistedSource(AlationTable table) {
        return "Found table " + quote(table.name()) + " in schema " + quote(table.schemaName()) + " of "
                + source(table.dsId()) + ", hidden ones included (" + why() + "), but not mapped: a mapping carries"
                + " the data source's name; check the link's alation_data_source_id";
    }

    String ambiguous(List<AlationTable> candidates, boolean inExactCase) {
        boolean inSeveralSources = candidates.stream().map(AlationTable::dsId).distinct().count() > 1;
        return candidates.size() + " tables match " + wanted()
                + (inExactCase ? " in exact case" : " ignoring case, none in exact case,") + " in " + searched()
                + "; map the asset manually"
                + (inSeveralSources ? ", or link its data source name to one Alation data source" : "");
    }

    /** The table the asset wants, with every schema spelling tried. */
    private String wanted() {
        Asset asset = target.asset();
        return "table " + quote(asset.table()) + " in schema "
                + target.schemaSpellings().stream().map(Reasons::quote).collect(Collectors.joining(" or "));
    }

    /** The data sources searched, and why those. */
    private String searched() {
        DataSourceChoice choice = target.selection().choice();
        String where = choice.rule() != DataSourceRule.EVERY ? sources(choice.dataSourceIds())
                : switch (sources.sourceCount()) {
                    case 0 -> "Alation, which lists no data source";
                    case 1 -> "the only Alation data source";
                    default -> "any of the " + sources.sourceCount() + " Alation data sources";
                };
        return where + " (" + why() + ")";
    }

    /** The rule that chose the data sources, in words. */
    private String why() {
        String name = target.asset().dataSourceName();
        return switch (target.selection().choice().rule()) {
            case LINK -> "linked to data source name " + quote(name);
            case CONNECTION -> "matching the asset's connection";
            case TITLE -> "titled like data source name " + quote(name);
            case EVERY -> "no data-source link, connection or title chose one"
                    + (name == null ? "" : " for data source name " + quote(name));
        };
    }

    private String sources(List<Long> ids) {
        String named = ids.stream().limit(NAMED_SOURCES).map(this::describe).collect(Collectors.joining(", "));
        String more = ids.size() > NAMED_SOURCES ? " and " + (ids.size() - NAMED_SOURCES) + " more" : "";
        return (ids.size() == 1 ? "data source " : "data sources ") + named + more;
    }

    private String source(long id) {
        return "data source " + describe(id);
    }

    /** The id and title; a linked id Alation does not list is said to be so, as that is what the user must fix. */
    private String describe(long id) {
        AlationDataSource source = sources.source(id);
        if (source == null) {
            return id + ", which Alation does not list";
        }
        return source.title() == null ? String.valueOf(id) : id + " " + quote(source.title());
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
