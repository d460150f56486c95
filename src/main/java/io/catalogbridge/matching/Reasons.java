package io.catalogbridge.matching;

import io.catalogbridge.assets.Asset;

import java.util.List;
import java.util.stream.Collectors;

/** The words of an outcome: what was looked for, where, and why there, so that a user can fix what is wrong. */
final class Reasons<I extends Comparable<? super I>, T extends CatalogTable<I>> {

    /** Beyond this many data sources a reason names the first ones and counts the rest. */
    private static final int NAMED_SOURCES = 5;

    private final AssetTarget<I, T, ?> target;
    private final DataSourceSelector<I> sources;
    private final String catalog;
    private final String linkIdField;
    private final String hiddenConnectionCause;
    /** What the asset's link names when the catalog does not list it by that name; null otherwise. */
    private final String unlistedLink;

    Reasons(AssetTarget<I, T, ?> target, DataSourceSelector<I> sources, CatalogWords words) {
        this.target = target;
        this.sources = sources;
        this.catalog = words.displayName();
        this.linkIdField = words.linkIdField();
        this.hiddenConnectionCause = words.hiddenConnectionCause();
        this.unlistedLink = sources.unlistedLink(target.asset());
    }

    String unmatched() {
        return "No " + wanted() + " in " + searched() + afterword();
    }

    String mapped(T table, int caseInsensitiveMatches) {
        String found = "Found table " + quote(table.name()) + " in schema " + quote(table.schemaName()) + " of "
                + source(table.dataSourceId()) + " (" + why() + ")";
        String exactCase = caseInsensitiveMatches == 1 ? ""
                : "; the only one in exact case of " + caseInsensitiveMatches + " tables that match ignoring case";
        return found + exactCase + afterword();
    }

    /** The one table found is in a data source the catalog did not list (a link named it): not mapped, and why. */
    String inUnlistedSource(T table) {
        return "Found table " + quote(table.name()) + " in schema " + quote(table.schemaName()) + " of "
                + source(table.dataSourceId()) + ", hidden ones included (" + why() + "), but not mapped: a mapping carries"
                + " the data source's name; check the link's " + linkIdField;
    }

    String ambiguous(List<T> candidates, boolean inExactCase) {
        boolean inSeveralSources = candidates.stream().map(CatalogTable::dataSourceId).distinct().count() > 1;
        return candidates.size() + " tables match " + wanted()
                + (inExactCase ? " in exact case" : " ignoring case, none in exact case,") + " in " + searched()
                + "; map the asset manually"
                + (inSeveralSources ? ", or link its data source name to one " + catalog + " data source" : "")
                + afterword();
    }

    /**
     * What the user can fix about how the data sources were chosen: a link naming a data source the catalog does not
     * list, or connections the catalog withheld. Withheld connections are said only when a title or nothing chose:
     * a link is looked at before any connection, and a connection that chose was shown.
     */
    private String afterword() {
        if (unlistedLink != null) {
            return "; check the link's " + linkIdField;
        }
        DataSourceRule rule = target.selection().choice().rule();
        int hidden = sources.hiddenConnections();
        if (hidden == 0 || rule == DataSourceRule.LINK || rule == DataSourceRule.CONNECTION) {
            return "";
        }
        String which = hidden == sources.sourceCount() ? "its data sources"
                : hidden + " of its " + sources.sourceCount() + " data sources";
        return "; " + catalog + " showed no connection details of " + which
                + (hiddenConnectionCause == null ? "" : " " + hiddenConnectionCause)
                + ": only data-source links and titles could choose";
    }

    /** The table the asset wants, with every schema spelling tried. */
    private String wanted() {
        Asset asset = target.asset();
        return "table " + quote(asset.table()) + " in schema "
                + target.schemaSpellings().stream().map(Reasons::quote).collect(Collectors.joining(" or "));
    }

    /** The data sources searched, and why those. */
    private String searched() {
        DataSourceChoice<I> choice = target.selection().choice();
        String where = unlistedLink != null
                ? "data source " + quote(unlistedLink) + ", which " + catalog + " does not list"
                : choice.rule() != DataSourceRule.EVERY ? sources(choice.dataSourceIds())
                : switch (sources.sourceCount()) {
                    case 0 -> catalog + ", which lists no data source";
                    case 1 -> "the only " + catalog + " data source";
                    default -> "any of the " + sources.sourceCount() + " " + catalog + " data sources";
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

    private String sources(List<I> ids) {
        String named = ids.stream().limit(NAMED_SOURCES).map(this::describe).collect(Collectors.joining(", "));
        String more = ids.size() > NAMED_SOURCES ? " and " + (ids.size() - NAMED_SOURCES) + " more" : "";
        return (ids.size() == 1 ? "data source " : "data sources ") + named + more;
    }

    private String source(I id) {
        return "data source " + describe(id);
    }

    /** The id and title; a linked id the catalog does not list is said to be so, as that is what the user must fix. */
    private String describe(I id) {
        CatalogDataSource<I> source = sources.source(id);
        if (source == null) {
            return id + ", which " + catalog + " does not list";
        }
        return source.title() == null ? String.valueOf(id) : id + " " + quote(source.title());
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
