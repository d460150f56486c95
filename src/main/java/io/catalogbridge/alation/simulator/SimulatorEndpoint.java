package io.catalogbridge.alation.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the simulator serves, by method and path; the names are those its statistics use. */
public enum SimulatorEndpoint {
    TOKEN("token", "POST", "/integration/v1/createAPIAccessToken/", false),
    VALIDATE_REFRESH_TOKEN("validate-refresh-token", "POST", "/integration/v1/validateRefreshToken/", false),
    DATASOURCES_V1("datasource-v1", "GET", "/integration/v1/datasource/", true),
    DATASOURCE_V1("datasource-v1-id", "GET", null, true),
    DATASOURCES_V2("datasource-v2", "GET", "/integration/v2/datasource/", true),
    DATASOURCE_V2("datasource-v2-id", "GET", null, true),
    SCHEMAS("schema", "GET", "/integration/v2/schema/", true),
    TABLES("table", "GET", "/integration/v2/table/", true),
    DATA_QUALITY("data-quality", "POST", "/integration/v1/data_quality/", true),
    DATA_QUALITY_DELETE("data-quality-delete", "DELETE", "/integration/v1/data_quality/", true),
    DATA_QUALITY_FIELDS("data-quality-fields", "GET", "/integration/v1/data_quality/fields/", true),
    DATA_QUALITY_VALUES("data-quality-values", "GET", "/integration/v1/data_quality/values/", true),
    BULK_JOB("bulk-job", "GET", "/api/v1/bulk_metadata/job/", true),
    FLAG_CREATE("flag", "POST", "/integration/flag/", true),
    FLAGS("flag-list", "GET", "/integration/flag/", true),
    FLAG_DELETE("flag-delete", "DELETE", null, true),
    CUSTOM_FIELD_ASYNC("custom-field-value-async", "PUT", "/integration/v2/custom_field_value/async/", true),
    CUSTOM_FIELD_VALUES("custom-field-value", "GET", "/integration/v2/custom_field_value/", true),
    /** Any other path: 404, or 301 to the path with its trailing slash, as Django answers. */
    UNKNOWN("unknown", null, null, false);

    private static final Pattern DATASOURCE_BY_ID = Pattern.compile("/integration/v([12])/datasource/(\\d{1,18})/");
    private static final Pattern FLAG_BY_ID = Pattern.compile("/integration/flag/(\\d{1,18})/");

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

    /** A write: its request body is read (up to the simulator's limit). */
    boolean hasBody() {
        return method != null && !method.equals("GET");
    }

    /** An endpoint and, for the by-id lookups, the id in the path. */
    record Route(SimulatorEndpoint endpoint, long id) {
    }

    /** The endpoint of a path, whatever the method (the first of those sharing the path). */
    static Route route(String path) {
        return route(null, path);
    }

    /**
     * The endpoint of a method and path; a path served for other methods only gives the first of its endpoints, whose
     * method then does not match (405).
     */
    static Route route(String method, String path) {
        SimulatorEndpoint samePath = null;
        for (SimulatorEndpoint endpoint : values()) {
            if (path.equals(endpoint.path)) {
                if (endpoint.method.equals(method)) {
                    return new Route(endpoint, 0);
                }
                samePath = samePath == null ? endpoint : samePath;
            }
        }
        if (samePath != null) {
            return new Route(samePath, 0);
        }
        Matcher flag = FLAG_BY_ID.matcher(path);
        if (flag.matches()) {
            return new Route(FLAG_DELETE, Long.parseLong(flag.group(1)));
        }
        Matcher byId = DATASOURCE_BY_ID.matcher(path);
        if (byId.matches()) {
            return new Route(byId.group(1).equals("1") ? DATASOURCE_V1 : DATASOURCE_V2, Long.parseLong(byId.group(2)));
        }
        return new Route(UNKNOWN, 0);
    }
}
