package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.api.CatalogBaseUrls;
import io.catalogbridge.api.DataSourceLinks;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The tenant's OpenMetadata integration settings: what a valid one is (its {@code quality} object too). Every error
 * names its field and never quotes the token.
 */
@Component("openmetadataIntegrations")
public class OpenMetadataIntegrations {

    /** Bot JWTs are about 1 KiB; SSO-issued personal tokens with group claims run larger. */
    static final int MAX_TOKEN_BYTES = 8192;

    /** OpenMetadata's {@code entityName}: 1 to 256 characters, no {@code ::}, no line break. */
    static final int MAX_NAME_LENGTH = 256;

    /** RFC 6750's b64token, the syntax of a bearer credential: it goes into the Authorization header as it is. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** The keys of the {@code quality} object. */
    private static final Set<String> QUALITY_KEYS = Set.of("push");

    private final OpenMetadataProperties properties;

    public OpenMetadataIntegrations(OpenMetadataProperties properties) {
        this.properties = properties;
    }

    /** Answers the valid integration (its URL normalised, and as given), or fails with 400 naming every bad field. */
    public OpenMetadataIntegration validate(OpenMetadataIntegrationRequest request) {
        ProblemException.requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        String url = CatalogBaseUrls.check("url", request.url(), properties.allowHttp(),
                "https://openmetadata.example.com", errors);
        String token = checkToken(request.jwtToken(), errors);
        List<OpenMetadataDataSourceLink> links = DataSourceLinks.check("data_source_links", request.dataSourceLinks(),
                "data_source_name", OpenMetadataDataSourceLink::dataSourceName,
                (link, at) -> checkService(link == null ? null : link.serviceName(), at + ".service_name", errors),
                errors);
        OpenMetadataQualitySettings quality = checkQuality(request.quality(), errors);
        ProblemException.rejectIfAny("Invalid OpenMetadata integration", errors);
        return new OpenMetadataIntegration(url, request.url(), token, List.copyOf(links), quality);
    }

    /** The quality settings: absent (or null) is the defaults; an object whose only key is a boolean {@code push}. */
    private static OpenMetadataQualitySettings checkQuality(OpenMetadataQualityRequest quality,
            List<FieldError> errors) {
        JsonNode given = quality == null ? null : quality.given();
        if (given == null || given.isNull()) {
            return OpenMetadataQualitySettings.DEFAULTS;
        }
        if (!given.isObject()) {
            errors.add(new FieldError("quality", "must be an object, e.g. {\"push\": true}"));
            return null;
        }
        boolean valid = true;
        for (Iterator<String> keys = given.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!QUALITY_KEYS.contains(key)) {
                // a key is named when it is short, printable text; any other is only said to be there
                boolean nameable = key.length() <= MAX_NAME_LENGTH && TextFields.problem(key) == null
                        && key.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t');
                errors.add(nameable ? new FieldError("quality." + key, "is not a setting (the only one is push)")
                        : new FieldError("quality", "has a key that is not a setting (the only one is push)"));
                valid = false;
            }
        }
        JsonNode push = given.get("push");
        if (push != null && !push.isBoolean()) {
            errors.add(new FieldError("quality.push", "must be true or false"));
            valid = false;
        }
        return valid ? new OpenMetadataQualitySettings(push == null || push.booleanValue()) : null;
    }

    /** The token without surrounding whitespace (a paste often brings a line break), or null after an error. */
    private static String checkToken(String token, List<FieldError> errors) {
        if (token == null || token.isBlank()) {
            errors.add(new FieldError("jwt_token", "is required and may not be empty"));
            return null;
        }
        if (!TextFields.check("jwt_token", token, errors)) {
            return null;
        }
        String trimmed = token.strip();
        if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES) {
            errors.add(new FieldError("jwt_token", "may not exceed 8 KiB"));
            return null;
        }
        if (!BEARER_TOKEN.matcher(trimmed).matches()) {
            errors.add(new FieldError("jwt_token",
                    "must be a bearer token: letters, digits and - . _ ~ + / only, then = padding"));
            return null;
        }
        return trimmed;
    }

    private static void checkService(String service, String field, List<FieldError> errors) {
        if (TextFields.checkRequired(field, service, errors)) {
            String problem = serviceNameProblem(service);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            }
        }
    }

    /** Why OpenMetadata could hold no service of this name, or null. */
    private static String serviceNameProblem(String name) {
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return "may not exceed 256 characters (OpenMetadata's longest name)";
        }
        if (name.contains("::")) {
            return "may not contain '::' (OpenMetadata refuses it in names)";
        }
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            return "may not contain a line break (OpenMetadata refuses it in names)";
        }
        return null;
    }
}
