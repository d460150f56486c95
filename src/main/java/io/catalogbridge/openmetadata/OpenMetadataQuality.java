package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.math.BigDecimal;
import java.util.List;

/**
 * The OpenMetadata wing's data-quality payloads: what the bridge sends to put a rule's result on a table's Data
 * Quality tab. Plain values, no I/O: the delivery routes send them.
 *
 * <ul>
 *   <li>{@link #definition}: the test definition of a rule, one per rule and entity type (a definition has one
 *       {@code entityType}), {@code POST}/{@code PUT /v1/dataQuality/testDefinitions};</li>
 *   <li>{@link #suite}: before 1.6, the table's executable test suite, which its test cases name
 *       ({@code POST /v1/dataQuality/testSuites/executable}); later servers make a table's suite themselves;</li>
 *   <li>{@link #testCase}: the test case of (table, rule, column), {@code POST}/{@code PUT /v1/dataQuality/testCases};
 *   </li>
 *   <li>{@link #result}: a result of that test case, and where it goes on this server version.</li>
 * </ul>
 *
 * <p>Naming: a table rule's definition is {@code <prefix><rule key>}, a column rule's
 * {@code <prefix><rule key>_column}; a table-level case is named {@code <prefix><rule key>}, a column case
 * {@code <prefix><rule key>_<column>}; every name made valid by {@link OpenMetadataQualityNames}. A table rule whose
 * key ends in {@code _column} would read like a column rule's definition, so its name is always the hashed form.
 */
public final class OpenMetadataQuality {

    public static final String DEFAULT_PREFIX = "catalogBridge_";
    public static final String DEFINITIONS_PATH = "/v1/dataQuality/testDefinitions";
    public static final String TEST_CASES_PATH = "/v1/dataQuality/testCases";
    public static final String EXECUTABLE_SUITES_PATH = "/v1/dataQuality/testSuites/executable";
    static final String SUITE_SUFFIX = ".testSuite";
    static final String COLUMN_SUFFIX = "_column";

    private final String prefix;
    private final boolean warningAsSuccess;

    /**
     * @param prefix starts every definition and test case name, so the bridge's own are told apart from others
     * @param warningAsSuccess a WARNING is reported as {@code Success} (still with the {@code WARNING:} text) rather
     *                         than {@code Failed}: OpenMetadata has no warning status, and a Failed result opens an
     *                         incident, which some teams want only for ALERTs
     */
    public OpenMetadataQuality(String prefix, boolean warningAsSuccess) {
        this.prefix = prefix == null ? DEFAULT_PREFIX : prefix;
        this.warningAsSuccess = warningAsSuccess;
    }

    /** The test definition of a rule; a column rule's differs from the table rule of the same key. */
    public TestDefinition definition(String ruleKey, boolean columnRule, String ruleName, String ruleDescription) {
        boolean ambiguous = !columnRule && ruleKey.endsWith(COLUMN_SUFFIX);
        String name = OpenMetadataQualityNames.entityName(prefix + ruleKey + (columnRule ? COLUMN_SUFFIX : ""),
                ambiguous);
        String description = firstText(ruleDescription, ruleName, ruleKey);
        return new TestDefinition(name, description, columnRule ? "COLUMN" : "TABLE", List.of("Other"), List.of());
    }

    /**
     * Whether a test case on this server names its table's executable suite, which must then exist: before 1.6 (the
     * server's {@code TestCaseResource} looks it up by FQN); from 1.6 on a test case makes its table's suite itself.
     */
    public static boolean needsExecutableSuite(OpenMetadataVersion version) {
        return !version.isAtLeast(1, 6);
    }

    /**
     * The table's executable test suite, as OpenMetadata's own UI creates it: named {@code <table fqn>.testSuite}
     * (cut and hashed by {@link OpenMetadataQualityNames} when that is over 256 characters), its
     * {@code executableEntityReference} the table's FQN. The server names the suite {@code <table fqn>.testSuite}
     * whatever its name ({@code TestSuiteRepository.setFullyQualifiedName}), which is what a test case names.
     */
    public TestSuite suite(String tableFqn) {
        String name = tableFqn + SUITE_SUFFIX;
        if (name.codePointCount(0, name.length()) > OpenMetadataQualityNames.MAX_LENGTH) {
            name = OpenMetadataQualityNames.entityName(name, true);
        }
        return new TestSuite(name, tableFqn);
    }

    /**
     * The test case of a rule on a table (column null) or one of its columns.
     *
     * @param tableFqn the table's {@code fullyQualifiedName} as OpenMetadata gave it (the mapping's
     *                 {@code table_fqn}), never rebuilt from parts
     * @param column the column's name exactly as the table lists it, or null for a table-level rule
     * @throws OpenMetadataEntityLinks.UnlinkableException when the table FQN or the column cannot stand in an entity link
     */
    public TestCase testCase(String tableFqn, String ruleKey, String column, TestDefinition definition,
                             OpenMetadataVersion version) {
        String name = OpenMetadataQualityNames.entityName(prefix + ruleKey + (column == null ? "" : "_" + column));
        String link = OpenMetadataEntityLinks.table(tableFqn, column);
        // the server's TestCaseRepository: FullyQualifiedName.add(link.getFullyQualifiedFieldValue(), name), where
        // the field value is "<table fqn>.<column>", the column as it stands (unquoted), and the name is quoted
        String entityFqn = column == null ? tableFqn : tableFqn + "." + column;
        String fqn = entityFqn + "." + OpenMetadataFqn.quote(name);
        // before 1.6 a test case names the table's executable suite; later servers make it themselves
        String suite = needsExecutableSuite(version) ? tableFqn + SUITE_SUFFIX : null;
        return new TestCase(name, definition.fullyQualifiedName(), link, suite, List.of(), fqn);
    }

    /** A delivery's result for its test case, sent where this server version takes results. */
    public ResultCall result(TestCase testCase, ClaimedDelivery delivery, OpenMetadataVersion version) {
        if (delivery.measuredAt() == null) {
            throw new IllegalArgumentException("A result needs its measured_at: OpenMetadata keys results by time");
        }
        String status = status(delivery.status());
        String value = valueText(delivery.value());
        TestCaseResult body = new TestCaseResult(delivery.measuredAt().toEpochMilli(), status,
                resultText(delivery, value), value == null ? null : List.of(new ResultValue("value", value)));
        String encoded = OpenMetadataFqn.encodeAsPathSegment(testCase.fullyQualifiedName());
        return version.isAtLeast(1, 6)
                ? new ResultCall("POST", TEST_CASES_PATH + "/testCaseResults/" + encoded, body)
                : new ResultCall("PUT", TEST_CASES_PATH + "/" + encoded + "/testCaseResult", body);
    }

    /** OpenMetadata's status of a bridge status: it has no warning, so a WARNING is Failed unless set otherwise. */
    String status(String bridgeStatus) {
        return switch (bridgeStatus == null ? "" : bridgeStatus) {
            case "GOOD" -> "Success";
            case "ALERT" -> "Failed";
            case "WARNING" -> warningAsSuccess ? "Success" : "Failed";
            default -> throw new IllegalArgumentException("Unknown quality status " + bridgeStatus);
        };
    }

    /** {@code [WARNING: ]<rule name>: <STATUS>[, value <v>][ (<url>)]}: what the Data Quality tab shows as result. */
    static String resultText(ClaimedDelivery delivery, String value) {
        StringBuilder text = new StringBuilder();
        if ("WARNING".equals(delivery.status())) {
            text.append("WARNING: "); // kept when mapped to Success too: the text is the only place it shows
        }
        text.append(firstText(delivery.ruleName(), delivery.ruleKey())).append(": ").append(delivery.status());
        if (value != null) {
            text.append(", value ").append(value);
        }
        if (delivery.url() != null && !delivery.url().isBlank()) {
            text.append(" (").append(delivery.url()).append(')');
        }
        return text.toString();
    }

    /** A value as OpenMetadata's {@code testResultValue} holds it: text; numbers plain, no exponent or {@code .0}. */
    static String valueText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return plain(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return value.toString();
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static String firstText(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        throw new IllegalArgumentException("No text given");
    }

    /** The body of {@code POST /v1/dataQuality/testDefinitions} ({@code api/tests/createTestDefinition.json}). */
    public record TestDefinition(String name, String description, String entityType, List<String> testPlatforms,
                                 List<Object> parameterDefinition) {

        /** Its FQN, as a test case names it: the name, quoted when it holds a dot. */
        @JsonIgnore
        public String fullyQualifiedName() {
            return OpenMetadataFqn.quote(name);
        }
    }

    /** The body of {@code POST /v1/dataQuality/testSuites/executable} ({@code api/tests/createTestSuite.json}, 1.4). */
    public record TestSuite(String name, String executableEntityReference) {
    }

    /**
     * The body of {@code POST /v1/dataQuality/testCases} ({@code api/tests/createTestCase.json}; {@code testSuite}
     * left out from 1.6 on), and the FQN the server gives the test case, which its results are sent to.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestCase(String name, String testDefinition, String entityLink, String testSuite,
                           List<Object> parameterValues, @JsonIgnore String fullyQualifiedName) {
    }

    /** The body of a result ({@code tests/basic.json#/definitions/testCaseResult}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestCaseResult(long timestamp, String testCaseStatus, String result,
                                 List<ResultValue> testResultValue) {
    }

    /** One {@code testResultValue}: the bridge sends the one measured value, named {@code value}. */
    public record ResultValue(String name, String value) {
    }

    /** Where a result goes: method and path under the server's {@code /api}, path segment already encoded. */
    public record ResultCall(String method, String path, TestCaseResult body) {
    }
}
