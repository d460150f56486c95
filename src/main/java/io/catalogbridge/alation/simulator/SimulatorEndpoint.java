package io.catalogbridge.alation.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the simulator serves, by method and path; the names are those its statistics use. */
public enum SimulatorEndpoint {
    TOKEN("token", "POST", "/integration/v1/createAPIAccessToken/", false),
    DATASOURCES_V1("datasource-v1", "GET", "/integration/v1/datasource/", true),
    DATASOURCE_V1("datasource-v1-id", "GET", null, true),
    DATASOURCES_V2("datasource-v2", "GET", "/integration/v2/datasource/", true),
    DATASOURCE_V2("datasource-v2-id", "GET", null, true),
    SCHEMAS("schema", "GET", "/integration/v2/schema/", true),
    TABLES("table", "GET", "/integration/v2/table/", true),
    /** Any other path: 404, or 301 to the path with its trailing slash, as Django answers. */
    UNKNOWN("unknown", null, null, false);

    private static final Pattern DATASOURCE_BY_ID = Pattern.compile("/integration/v([12])/datasource/(\\d{1,18})/");

    private final String statsName;
    private final String method;
    private final String path;
    private final boolean needsToken;

    SimulatorEndpoint(String statsName, String method, String path, boolean needsToken) {
        this.statsName = statsName;
        this.method = method;
        this.path = path;
        this.needsToken = needsToken;
    }

    public String statsName() {
        return statsName;
    }

    String method() {
        return method;
    }

    /** A data request: needs an access token, and counts for the faults. */
    boolean needsToken() {
        return needsToken;
    }

    /** An endpoint and, for the by-id lookups, the id in the path. */
    record Route(SimulatorEndpoint endpoint, long id) {
    }

    static Route route(String path) {
        for (SimulatorEndpoint endpoint : values()) {
            if (path.equals(endpoint.path)) {
                return new Route(endpoint, 0);
            }
        }
        Matcher byId = DATASOURCE_BY_ID.matcher(path);
        if (byId.matches()) {
            return new Route(byId.group(1).equals("1") ? DATASOURCE_V1 : DATASOURCE_V2, Long.parseLong(byId.group(2)));
        }
        return new Route(UNKNOWN, 0);
    }
}
