package io.catalogbridge.security;

import java.util.regex.Pattern;

/** The tenant id rule: 1 to 64 letters, digits, '_' and '-', starting with a letter or digit. */
public final class TenantIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private TenantIds() {
    }

    public static boolean isValid(String tenant) {
        return tenant != null && VALID.matcher(tenant).matches();
    }

    /** The first segment of a request path ({@code /acme/configuration/...} → {@code acme}), still URL-encoded. */
    public static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }
}
