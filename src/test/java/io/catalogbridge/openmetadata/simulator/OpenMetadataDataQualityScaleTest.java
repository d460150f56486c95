package io.catalogbridge.openmetadata.simulator;

import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.CASES;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.DEFINITIONS;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.definition;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.result;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.testCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many clients at once over HTTP, and 100,000 test cases with a result each held in little memory. */
class OpenMetadataDataQualityScaleTest {

    @Test
    void concurrentClientsEachCreateTheirTestCasesAndResultsOnce() throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(42, 2_000))) {
            OmClient bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
            assertThat(bot.postJson(DEFINITIONS, definition("rowCount", "TABLE")).status()).isEqualTo(201);
            List<OmTable> tables = simulator.catalog().tables().limit(200).toList();
            tables.forEach(t -> OpenMetadataDataQualityTest.suiteOf(bot, t));
            ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int client = 0; client < 8; client++) {
                pool.submit(() -> {
                    for (OmTable t : tables) { // every client races for every test case: one wins each
                        String link = "<#E::table::" + t.fullyQualifiedName() + ">";
                        statuses.add(bot.postJson(CASES, testCase("rows", "rowCount", link,
                                t.fullyQualifiedName() + ".testSuite")).status());
                        String fqn = t.fullyQualifiedName() + ".rows";
                        statuses.add(bot.put(CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult",
                                result(1_000, "Success", "1")).status());
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(2 * tables.size());
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(2 * 7 * tables.size());
            assertThat(simulator.quality().testCaseCount()).isEqualTo(tables.size());
            assertThat(simulator.quality().resultCount()).isEqualTo(tables.size());
            assertThat(simulator.stats().count("testCases", 201)).isEqualTo(tables.size());
        }
    }

    @Test
    void aHundredThousandTestCasesWithAResultEachStaySmall() throws Exception {
        OpenMetadataCatalog catalog = new OpenMetadataCatalog(42, 100_000);
        OpenMetadataQuality quality = new OpenMetadataQuality(42);
        OmTestDefinition definition = new OmTestDefinition(quality.nextDefinitionId(), "rowCount", "rowCount", null,
                "rows", "TABLE", List.of("Other"), List.of(), List.of(), 0.1, 0, "ingestion-bot");
        long before = usedHeap();
        IntStream.range(0, 100_000).parallel().forEach(i -> {
            OmTable t = catalog.table(i);
            long seq = quality.nextCaseSeq();
            String fqn = t.fullyQualifiedName() + ".rowCount_dq";
            assertThat(quality.addTestCase(new OmTestCase(quality.caseId(seq), seq, "rowCount_dq", fqn, null, null,
                    t.index(), t.fullyQualifiedName(), null, definition, List.of(), 0.1, 0, "ingestion-bot",
                    false))).isTrue();
            assertThat(quality.addResult(fqn, new OmTestCaseResult(1_700_000_000_000L, "Success", "26.5 rows",
                    List.of(new OmTestCaseResult.TestResultValue("value", "26.5"))))).isTrue();
        });
        long used = usedHeap() - before;
        assertThat(quality.testCaseCount()).isEqualTo(100_000);
        assertThat(quality.resultCount()).isEqualTo(100_000);
        assertThat(used).as("bytes for 100,000 test cases with a result each").isLessThan(150L << 20);
        System.out.printf("100,000 test cases with a result each: %d MB%n", used >> 20);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
