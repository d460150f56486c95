package io.catalogbridge.database;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Whether this instance runs on the embedded PostgreSQL: it does exactly when no datasource URL is configured. */
public final class EmbeddedDatabase {

    /** For {@code @ConditionalOnExpression}: true when {@code spring.datasource.url} is unset or empty. */
    public static final String IN_USE = "'${spring.datasource.url:}'.isEmpty()";

    private EmbeddedDatabase() {
    }

    public static boolean inUse(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
