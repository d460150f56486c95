package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's version, {@code GET /v1/system/version} → {@code {"version": "1.6.2", "revision", "timestamp"}}. The
 * quality pipeline chooses by it where test results go (servers from 1.6 on take them at a new endpoint).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataVersion(@JsonProperty("version") String version) {

    /** major.minor at the start; what follows (a patch, {@code -SNAPSHOT}, a fourth number) does not count. */
    private static final Pattern MAJOR_MINOR = Pattern.compile("\\s*v?(\\d{1,4})\\.(\\d{1,4})(?:\\D.*|$)");

    /**
     * Whether the server is at least {@code major.minor}; false when the version cannot be read, so that an
     * unreadable version takes the path every server before that one takes.
     */
    public boolean isAtLeast(int major, int minor) {
        Matcher matcher = version == null ? null : MAJOR_MINOR.matcher(version);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        int actualMajor = Integer.parseInt(matcher.group(1));
        int actualMinor = Integer.parseInt(matcher.group(2));
        return actualMajor > major || actualMajor == major && actualMinor >= minor;
    }
}
