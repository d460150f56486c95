package io.catalogbridge.mapping;

import io.catalogbridge.matching.CatalogTable;
import io.catalogbridge.matching.MatchOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution of a verification: every mapping of the tenant in the catalog, checked by its table's id, and those
 * whose table is gone under its id looked for again by the matching rules. What it found, per mapping:
 * <ul>
 * <li>{@code OK}: the table is there, its names as stored;</li>
 * <li>{@code RENAMED}: the same table (id) under other names or another schema: the stored names are refreshed;</li>
 * <li>{@code MOVED}: the id is gone, and the matching rules find the asset's one table under a new id (a
 * re-extraction): re-pointed with {@code repair};</li>
 * <li>{@code GONE}: the id is gone and the matching rules find no single table: removed with {@code repair}.</li>
 * </ul>
 * Its memory grows with the tenant's mappings: one small state row each, the findings that are not OK in full.
 */
public final class VerificationRun<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    public static final String OK = "OK";
    public static final String RENAMED = "RENAMED";
    public static final String MOVED = "MOVED";
    public static final String GONE = "GONE";

    /** A mapping's finding: its table (the id the state is about), and for a finding not OK, the mappings. */
    record Finding<M>(String assetId, String tableId, String state, String reason, M previous, M current,
            boolean repaired) {
    }

    private final String jobId;
    private final String tenant;
    private final String catalog;
    private final boolean repair;
    private final MappingChecks<I, T, M> checks;
    private final JobMappings<M> mappings;
    private final List<Finding<M>> findings = new ArrayList<>();
    /** Mappings whose table is gone under its id, by asset: the matching rules look for them again. */
    private final Map<String, M> missing = new LinkedHashMap<>();
    private long requests;
    private long tablesRead;
    private String plan = "by-id";

    VerificationRun(String jobId, String tenant, String catalog, boolean repair, MappingChecks<I, T, M> checks,
            JobMappings<M> mappings) {
        this.jobId = jobId;
        this.tenant = tenant;
        this.catalog = catalog;
        this.repair = repair;
        this.checks = checks;
        this.mappings = mappings;
    }

    /** One batch of mappings against the tables the catalog still has under their ids. */
    synchronized void check(List<M> batch, List<T> found, int requestsMade,
            java.util.function.BiPredicate<M, M> sameShape) {
        requests += requestsMade;
        tablesRead += found.size();
        Map<I, T> byId = new HashMap<>();
        found.forEach(table -> byId.put(table.id(), table));
        for (M mapping : batch) {
            String assetId = mappings.assetId(mapping);
            T table = byId.get(checks.tableId(mapping));
            M current = table == null ? null : checks.refreshed(mapping, table);
            if (current == null) {
                missing.put(assetId, mapping);
            } else if (sameShape.test(mapping, current)) {
                findings.add(new Finding<>(assetId, text(checks.tableId(mapping)), OK, null, null, null, false));
            } else {
                findings.add(new Finding<>(assetId, text(checks.tableId(mapping)), RENAMED,
                        "The table is still there under its id, under other names", mapping, current, false));
            }
        }
    }

    synchronized boolean anyMissing() {
        return !missing.isEmpty();
    }

    synchronized java.util.Set<String> missingAssetIds() {
        return missing.keySet();
    }

    /**
     * What the matching rules found for the mappings gone under their id: a table under a new id is MOVED, the same
     * id again (the catalog answered it late) OK, anything else GONE with the matcher's reason.
     */
    synchronized void matched(AutoMappingRun<I, ?, M> run) {
        AutoMappingRun.Outcome<I, M> outcome = run.outcome();
        plan = "by-id+" + run.plan();
        for (M moved : outcome.written()) {
            M previous = missing.remove(mappings.assetId(moved));
            if (previous != null) {
                I newId = checks.tableId(moved);
                findings.add(new Finding<>(mappings.assetId(moved), text(repair ? newId : checks.tableId(previous)),
                        MOVED, "No table under id " + checks.tableId(previous) + " any more; the matching rules"
                                + " find the asset's table under id " + newId, previous, moved, repair));
            }
        }
        for (AutoMappingRun.Left<I> left : outcome.left()) {
            M previous = missing.remove(left.assetId());
            if (previous != null) {
                findings.add(new Finding<>(left.assetId(), text(checks.tableId(previous)), OK, null, null, null,
                        false));
            }
        }
        List<MatchOutcome<I, M>> unmapped = new ArrayList<>(outcome.ambiguous());
        unmapped.addAll(outcome.unmatched());
        for (MatchOutcome<I, M> result : unmapped) {
            M previous = missing.remove(result.assetId());
            if (previous != null) {
                gone(result.assetId(), previous, result.reason());
            }
        }
    }

    /** Every mapping still missing is GONE: none was found again. */
    synchronized void rest() {
        missing.forEach((assetId, previous) -> gone(assetId, previous, null));
        missing.clear();
    }

    private void gone(String assetId, M previous, String matcherReason) {
        findings.add(new Finding<>(assetId, text(checks.tableId(previous)), GONE,
                "No table under id " + checks.tableId(previous) + " any more"
                        + (matcherReason == null ? "" : "; the matching rules find none: " + matcherReason),
                previous, null, repair));
    }

    /** The mappings to write: the renamed ones' refreshed names, and with repair the moved ones re-pointed. */
    synchronized List<M> rewritten() {
        return findings.stream()
                .filter(f -> RENAMED.equals(f.state()) || MOVED.equals(f.state()) && repair)
                .map(Finding::current).toList();
    }

    /** The assets whose mapping goes: with repair, the GONE ones. */
    synchronized List<String> removed() {
        return repair ? findings.stream().filter(f -> GONE.equals(f.state())).map(Finding::assetId).toList()
                : List.of();
    }

    synchronized List<Finding<M>> findings() {
        return findings;
    }

    synchronized int count(String state) {
        return (int) findings.stream().filter(f -> state.equals(f.state())).count();
    }

    private static String text(Object id) {
        return String.valueOf(id);
    }

    public String jobId() {
        return jobId;
    }

    public String tenant() {
        return tenant;
    }

    public String catalog() {
        return catalog;
    }

    boolean repair() {
        return repair;
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long tablesRead() {
        return tablesRead;
    }

    synchronized String plan() {
        return plan;
    }
}
