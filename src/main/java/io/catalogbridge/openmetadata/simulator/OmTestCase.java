package io.catalogbridge.openmetadata.simulator;

import java.util.List;
import java.util.UUID;

/**
 * A test case created through {@code POST /api/v1/dataQuality/testCases}: a {@link OmTestDefinition} applied to a
 * table of the catalog or to one of its columns. What can be derived (the entity link, the entity's FQN, the test
 * suite) is computed, not stored, so 100,000 test cases stay small.
 *
 * @param tableFqn the table's FQN, exactly as in the catalog
 * @param column   the column's name on that table, or null for a table-level test case
 */
public record OmTestCase(
        UUID id, long seq, String name, String fullyQualifiedName, String displayName, String description,
        long tableIndex, String tableFqn, String column, OmTestDefinition testDefinition,
        List<ParameterValue> parameterValues, double version, long updatedAt, String updatedBy, boolean deleted) {

    public OmTestCase {
        parameterValues = List.copyOf(parameterValues);
    }

    /** A parameter passed to the definition ({@code testCaseParameterValue}). */
    public record ParameterValue(String name, String value) {
    }

    /** {@code <#E::table::<table fqn>>} or {@code <#E::table::<table fqn>::columns::<column>>}. */
    public String entityLink() {
        return column == null ? "<#E::table::" + tableFqn + ">" : "<#E::table::" + tableFqn + "::columns::" + column
                + ">";
    }

    /** The table's FQN, or the column's: {@code <table fqn>.<column>}, unquoted, as the server's EntityLink joins them. */
    public String entityFqn() {
        return column == null ? tableFqn : tableFqn + "." + column;
    }

    /** The table's executable (1.4) or basic (1.6+) test suite: {@code <table fqn>.testSuite}. */
    public String testSuite() {
        return OmTestSuite.fqnOf(tableFqn);
    }

    OmTestCase softDeleted(long now, String by) {
        return new OmTestCase(id, seq, name, fullyQualifiedName, displayName, description, tableIndex, tableFqn, column,
                testDefinition, parameterValues, Math.round((version + 0.1) * 10) / 10.0, now, by, true);
    }
}
