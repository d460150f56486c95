package io.catalogbridge.api;

import io.catalogbridge.api.Problem.FieldError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for a catalog's base URL, every wing's integration settings alike: text that can be stored
 * ({@link TextFields}), absolute, {@code https} (or {@code http} where the wing's settings allow it), with a host that
 * can exist ({@link HostNames}), no credentials, query or fragment, and never a link-local or cloud-metadata address
 * (SSRF: such a host answers with the machine's credentials). The URL is stored as given (the API echoes it) and
 * called in its normalised form, without a trailing slash.
 */
public final class CatalogBaseUrls {

    /** Cloud instance-metadata services: never a catalog, always a way to steal credentials. */
    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of(
            "169.254.169.254", "169.254.170.2", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200", "192.0.0.192");

    private CatalogBaseUrls() {
    }

    /**
     * The normalised base URL (no trailing slash), or null after adding one error for {@code field}. {@code example}
     * is the URL the error for a relative one shows ({@code https://catalog.example.com}).
     */
    public static String check(String field, String url, boolean allowHttp, String example, List<FieldError> errors) {
        if (!TextFields.check(field, url, errors)) {
            return null;
        }
        String problem = problem(url, allowHttp, example);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        String normalised = URI.create(url.trim()).toString();
        int end = normalised.length();
        while (end > 0 && normalised.charAt(end - 1) == '/') {
            end--;
        }
        return normalised.substring(0, end);
    }

    /** Why the URL can be no catalog's base URL, or null when it can (its text judged by {@link TextFields} apart). */
    public static String problem(String url, boolean allowHttp, String example) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "must be an absolute URL with a host, e.g. " + example;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "must use https or http" : "must use https";
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must be the instance's base URL, without credentials, query or fragment";
        }
        // judged from the text before the name is looked up (pointsAtMetadata) or called (the credential check)
        String impossible = HostNames.problem(uri.getHost());
        if (impossible != null) {
            return impossible;
        }
        return pointsAtMetadata(uri.getHost()) ? "may not point at a link-local or cloud-metadata address" : null;
    }

    private static boolean pointsAtMetadata(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (METADATA_HOSTS.contains(name)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress())) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            // a name that does not resolve fails the catalog's credential check instead (502)
        }
        return false;
    }
}
