package io.catalogbridge.openmetadata.simulator;

import java.util.List;
import java.util.UUID;

/**
 * A test definition created through {@code POST /api/v1/dataQuality/testDefinitions} (or {@code PUT}): a kind of
 * rule, applied to tables or columns. Its FQN is its name, quoted when the name holds a dot. {@code version} starts
 * at 0.1 and grows by 0.1 with each {@code PUT} that changes something.
 */
public record OmTestDefinition(
        UUID id, String name, String fullyQualifiedName, String displayName, String description, String entityType,
        List<String> testPlatforms, List<String> supportedDataTypes, List<Parameter> parameterDefinition,
        double version, long updatedAt, String updatedBy) {

    public OmTestDefinition {
        testPlatforms = List.copyOf(testPlatforms);
        supportedDataTypes = List.copyOf(supportedDataTypes);
        parameterDefinition = List.copyOf(parameterDefinition);
    }

    /** One parameter a test case of this definition may or must pass ({@code testCaseParameterDefinition}). */
    public record Parameter(String name, String displayName, String dataType, String description, boolean required) {
    }

    /** Whether {@code other} (a PUT's request) says anything this definition does not: PUT's change check. */
    boolean sameContent(OmTestDefinition other) {
        return java.util.Objects.equals(displayName, other.displayName)
                && java.util.Objects.equals(description, other.description)
                && java.util.Objects.equals(entityType, other.entityType)
                && testPlatforms.equals(other.testPlatforms) && supportedDataTypes.equals(other.supportedDataTypes)
                && parameterDefinition.equals(other.parameterDefinition);
    }
}
