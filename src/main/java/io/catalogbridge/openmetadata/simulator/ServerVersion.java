package io.catalogbridge.openmetadata.simulator;

/**
 * The OpenMetadata server version the simulator plays ({@code 1.4.0}, {@code 1.6.2}): where the data-quality API
 * changed, the simulator answers as a server of that version would. Only major and minor count.
 */
record ServerVersion(int major, int minor) {

    /** Test case results moved to {@code /testCases/testCaseResults/{fqn}} and test suites became optional. */
    static final ServerVersion RESULTS_RESOURCE = new ServerVersion(1, 6);

    /** {@code 1.4.0} → 1.4; an unreadable version counts as the simulator's default, 1.4. */
    static ServerVersion parse(String version) {
        String[] parts = version.strip().split("[.-]");
        try {
            return new ServerVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException notNumeric) {
            return new ServerVersion(1, 4);
        }
    }

    boolean atLeast(ServerVersion other) {
        return major != other.major ? major > other.major : minor >= other.minor;
    }

    /** 1.6 and later: results are a resource of their own, and a test case makes its table's basic suite itself. */
    boolean hasResultsResource() {
        return atLeast(RESULTS_RESOURCE);
    }
}
