package io.catalogbridge.openmetadata.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The data-quality state a simulator holds: test definitions by name, the tables' executable test suites by FQN, test
 * cases by FQN and id, and each test case's results by timestamp. It is what {@code /api/v1/dataQuality/...} writes and reads, and the truth tests check the
 * bridge's pushes against ({@code simulator.quality()}).
 *
 * <p>Thread-safe: the maps are concurrent, a test case's results are guarded by their own lock, and what is handed
 * out is immutable. Lean: a test case keeps only what cannot be derived (see {@link OmTestCase}), a result is a small
 * record in a sorted array, so 100,000 test cases with a result each take tens of megabytes.
 */
public final class OpenMetadataQuality {

    private final Ids ids;
    private final ConcurrentHashMap<String, OmTestDefinition> definitions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> casesByFqn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Entry> casesById = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, OmTestSuite> suites = new ConcurrentHashMap<>();
    private final AtomicLong definitionSeq = new AtomicLong();
    private final AtomicLong caseSeq = new AtomicLong();
    private final AtomicLong eventSeq = new AtomicLong();

    OpenMetadataQuality(long seed) {
        this.ids = new Ids(seed);
    }

    /** A test case and its results, oldest first; the array is replaced, never changed, under the entry's lock. */
    private static final class Entry {
        volatile OmTestCase testCase;
        private OmTestCaseResult[] results = new OmTestCaseResult[0];

        Entry(OmTestCase testCase) {
            this.testCase = testCase;
        }

        synchronized boolean add(OmTestCaseResult result) {
            int at = Arrays.binarySearch(results, result, BY_TIMESTAMP);
            if (at >= 0) {
                return false; // the server's unique key (test case, extension, timestamp) refuses a second one
            }
            int insert = -at - 1;
            OmTestCaseResult[] grown = new OmTestCaseResult[results.length + 1];
            System.arraycopy(results, 0, grown, 0, insert);
            grown[insert] = result;
            System.arraycopy(results, insert, grown, insert + 1, results.length - insert);
            results = grown;
            return true;
        }

        synchronized OmTestCaseResult[] results() {
            return results;
        }
    }

    private static final Comparator<OmTestCaseResult> BY_TIMESTAMP = Comparator.comparingLong(
            OmTestCaseResult::timestamp);

    // ---- the Java API, for tests ----

    /** Every test definition, by name. */
    public List<OmTestDefinition> definitions() {
        return definitions.values().stream().sorted(Comparator.comparing(OmTestDefinition::name)).toList();
    }

    public Optional<OmTestDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Every executable test suite created, by FQN. */
    public List<OmTestSuite> testSuites() {
        return suites.values().stream().sorted(Comparator.comparing(OmTestSuite::fullyQualifiedName)).toList();
    }

    /** The executable test suite of this exact FQN ({@code <table fqn>.testSuite}). */
    public Optional<OmTestSuite> testSuite(String fqn) {
        return Optional.ofNullable(suites.get(fqn));
    }

    /** Every test case (soft-deleted ones too, {@code deleted} true), in the order they were created. */
    public List<OmTestCase> testCases() {
        return casesById.values().stream().map(e -> e.testCase).sorted(Comparator.comparingLong(OmTestCase::seq))
                .toList();
    }

    /** The test case of this exact FQN, soft-deleted or not. */
    public Optional<OmTestCase> testCase(String fqn) {
        Entry entry = casesByFqn.get(fqn);
        return entry == null ? Optional.empty() : Optional.of(entry.testCase);
    }

    public int testCaseCount() {
        return casesByFqn.size();
    }

    /** The results of a test case, oldest first; empty for an unknown FQN. */
    public List<OmTestCaseResult> results(String testCaseFqn) {
        Entry entry = casesByFqn.get(testCaseFqn);
        return entry == null ? List.of() : List.of(entry.results());
    }

    public Optional<OmTestCaseResult> latestResult(String testCaseFqn) {
        Entry entry = casesByFqn.get(testCaseFqn);
        OmTestCaseResult[] results = entry == null ? new OmTestCaseResult[0] : entry.results();
        return results.length == 0 ? Optional.empty() : Optional.of(results[results.length - 1]);
    }

    /** Results of every test case. */
    public long resultCount() {
        return casesByFqn.values().stream().mapToLong(e -> e.results().length).sum();
    }

    /** Forgets every definition, test suite, test case and result; ids start again from the first. */
    public void reset() {
        synchronized (this) {
            definitions.clear();
            suites.clear();
            casesByFqn.clear();
            casesById.clear();
            definitionSeq.set(0);
            caseSeq.set(0);
            eventSeq.set(0);
        }
    }

    // ---- what the endpoints use ----

    UUID nextDefinitionId() {
        return ids.id(Ids.Kind.TEST_DEFINITION, definitionSeq.getAndIncrement());
    }

    long nextCaseSeq() {
        return caseSeq.getAndIncrement();
    }

    UUID caseId(long seq) {
        return ids.id(Ids.Kind.TEST_CASE, seq);
    }

    UUID nextEventId() {
        return ids.id(Ids.Kind.CHANGE_EVENT, eventSeq.getAndIncrement());
    }

    /** The id a result answers with on 1.6+ servers: a function of its test case and timestamp, so nothing is kept. */
    UUID resultId(OmTestCase testCase, long timestamp) {
        return ids.id(Ids.Kind.TEST_CASE_RESULT, testCase.seq() * 1_000_003L ^ timestamp);
    }

    UUID suiteId(long tableIndex) {
        return ids.id(Ids.Kind.TEST_SUITE, tableIndex);
    }

    /** Adds a definition unless one of its name exists; the one there, or null when it was added. */
    OmTestDefinition addDefinition(OmTestDefinition definition) {
        return definitions.putIfAbsent(definition.name(), definition);
    }

    /** Atomically replaces the definition of {@code name} by {@code update(existing)} (existing null: none yet). */
    OmTestDefinition upsertDefinition(String name, UnaryOperator<OmTestDefinition> update) {
        return definitions.compute(name, (n, existing) -> update.apply(existing));
    }

    /** Adds a table's executable suite unless its FQN exists; false when it exists. */
    boolean addSuite(OmTestSuite suite) {
        return suites.putIfAbsent(suite.fullyQualifiedName(), suite) == null;
    }

    /** Adds a test case unless one of its FQN exists (soft-deleted ones too); false when it exists. */
    boolean addTestCase(OmTestCase testCase) {
        Entry entry = new Entry(testCase);
        synchronized (this) { // the two maps change together, so a reader of either never sees half a test case
            if (casesByFqn.putIfAbsent(testCase.fullyQualifiedName(), entry) != null) {
                return false;
            }
            casesById.put(testCase.id(), entry);
        }
        return true;
    }

    /** Replaces a stored test case by a new version of it (same id and FQN); its results stay. */
    void replace(OmTestCase updated) {
        Entry entry = casesById.get(updated.id());
        if (entry != null) {
            entry.testCase = updated;
        }
    }

    Optional<OmTestCase> testCaseById(UUID id) {
        Entry entry = casesById.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.testCase);
    }

    /** Marks the test case deleted ({@code hardDelete} false) or removes it with its results; the test case before. */
    Optional<OmTestCase> delete(OmTestCase testCase, boolean hardDelete, long now, String by) {
        synchronized (this) {
            Entry entry = casesById.get(testCase.id());
            if (entry == null) {
                return Optional.empty();
            }
            if (hardDelete) {
                casesById.remove(testCase.id());
                casesByFqn.remove(testCase.fullyQualifiedName());
            } else {
                entry.testCase = entry.testCase.softDeleted(now, by);
            }
            return Optional.of(entry.testCase);
        }
    }

    /** Adds a result to the test case of this FQN; false when it already has one at that timestamp. */
    boolean addResult(String testCaseFqn, OmTestCaseResult result) {
        Entry entry = casesByFqn.get(testCaseFqn);
        return entry != null && entry.add(result);
    }

    /** The results with {@code startTs <= timestamp <= endTs}, newest first, as the server lists them. */
    List<OmTestCaseResult> resultsBetween(String testCaseFqn, long startTs, long endTs) {
        Entry entry = casesByFqn.get(testCaseFqn);
        if (entry == null) {
            return List.of();
        }
        OmTestCaseResult[] results = entry.results();
        List<OmTestCaseResult> between = new ArrayList<>();
        for (int i = results.length - 1; i >= 0; i--) {
            long ts = results[i].timestamp();
            if (ts >= startTs && ts <= endTs) {
                between.add(results[i]);
            }
        }
        return between;
    }
}
