package io.catalogbridge.api;

import java.util.regex.Pattern;

/**
 * Whether a URL's host can exist at all, judged from its text alone, before anything is looked up or called: a DNS
 * name is at most 253 characters, of labels of 1 to 63 letters, digits and inner hyphens (RFC 1035, RFC 1123); an
 * IP literal is as the URL parser read it. One trailing dot (a fully qualified name) is allowed.
 */
public final class HostNames {

    static final int MAX_NAME_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");

    private HostNames() {
    }

    /** Why no host can have this name, or null when one can. */
    public static String problem(String host) {
        if (host == null || host.isEmpty()) {
            return "has no host name";
        }
        if (host.startsWith("[") && host.endsWith("]") || IPV4.matcher(host).matches()) {
            return null;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.length() > MAX_NAME_LENGTH) {
            return "has a host name longer than " + MAX_NAME_LENGTH + " characters";
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                return "has an empty label in its host name";
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                return "has a host name label longer than " + MAX_LABEL_LENGTH + " characters";
            }
            if (!LABEL.matcher(label).matches()) {
                return "has a host name label that is not letters, digits and inner hyphens";
            }
        }
        return null;
    }
}
