package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/**
 * A table's executable test suite, created through {@code POST /api/v1/dataQuality/testSuites/executable} (what a
 * 1.4 test case must name in {@code testSuite}). Its FQN is the server's {@code FullyQualifiedName.add(<table fqn>,
 * "testSuite")}, whatever its name; there is one per table.
 *
 * @param name     the name the client gave it (OpenMetadata's UI gives {@code <table fqn>.testSuite})
 * @param tableFqn the table's FQN, exactly as in the catalog
 */
public record OmTestSuite(UUID id, String name, String fullyQualifiedName, String description, long tableIndex,
                          String tableFqn, long updatedAt, String updatedBy) {

    /** The FQN of a table's executable suite. */
    static String fqnOf(String tableFqn) {
        return tableFqn + ".testSuite";
    }
}
