package io.catalogbridge.openmetadata.simulator;

import java.util.List;

/**
 * One result of a test case, as pushed: {@code timestamp} (epoch ms) identifies it within its test case, as the
 * server's unique key on (test case, timestamp) does.
 */
public record OmTestCaseResult(long timestamp, String testCaseStatus, String result,
                               List<TestResultValue> testResultValue) {

    /** The statuses of {@code tests/basic.json#testCaseStatus}. */
    static final List<String> STATUSES = List.of("Success", "Failed", "Aborted", "Queued");

    public OmTestCaseResult {
        testResultValue = List.copyOf(testResultValue);
    }

    /** A measured value: {@code {"name": "value", "value": "26.5"}}. */
    public record TestResultValue(String name, String value) {
    }
}
