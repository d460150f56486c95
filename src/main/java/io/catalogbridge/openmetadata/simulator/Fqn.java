package io.catalogbridge.openmetadata.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenMetadata's fully qualified names as the simulator builds and reads them: parts joined by {@code .}, a part
 * holding {@code .} or {@code "} wrapped in double quotes with each inner {@code "} doubled
 * ({@code pg_prod.sales."fin.ledger"."invoice ""v1.2"""}); openmetadata-api.md names only the dot (see the simulator's
 * doc, "Where it differs"). The catalog gives a quote only to names that also hold a dot, so each such part is one
 * quoted name that OpenMetadata 1.4's own grammar ({@code Fqn.g4}) parses too.
 */
public final class Fqn {

    private Fqn() {
    }

    public static String quote(String name) {
        if (name.indexOf('.') < 0 && name.indexOf('"') < 0) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String build(String... names) {
        StringBuilder fqn = new StringBuilder();
        for (String name : names) {
            if (!fqn.isEmpty()) {
                fqn.append('.');
            }
            fqn.append(quote(name));
        }
        return fqn.toString();
    }

    /** The unquoted parts of an FQN, or null when it is malformed (an unclosed quote, an empty part). */
    public static List<String> split(String fqn) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        while (i <= fqn.length()) {
            if (i < fqn.length() && fqn.charAt(i) == '"' && part.isEmpty()) {
                int j = i + 1;
                while (true) {
                    if (j >= fqn.length()) {
                        return null;
                    }
                    char c = fqn.charAt(j);
                    if (c == '"' && j + 1 < fqn.length() && fqn.charAt(j + 1) == '"') {
                        part.append('"');
                        j += 2;
                    } else if (c == '"') {
                        break;
                    } else {
                        part.append(c);
                        j++;
                    }
                }
                i = j + 1;
                if (i < fqn.length() && fqn.charAt(i) != '.') {
                    return null;
                }
                continue;
            }
            if (i == fqn.length() || fqn.charAt(i) == '.') {
                if (part.isEmpty()) {
                    return null;
                }
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(fqn.charAt(i));
            }
            i++;
        }
        return parts;
    }
}
