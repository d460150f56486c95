package io.catalogbridge.database;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;

/**
 * Runs the named SQL files under {@code sql/} (the core's and the wings') from Java, through the SQL component: on
 * the caller's thread, so inside a transaction (a transacted route, a TransactionTemplate) they run in it, and
 * outside one each statement commits on its own.
 */
@Component
public class SqlQueries {

    private final CamelContext camelContext;
    private ProducerTemplate producer;

    public SqlQueries(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The rows a query (or a statement with RETURNING) answers; {@code file} is a file name under {@code sql/}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String file, Map<String, Object> parameters) {
        return producer().requestBody(uri(file), parameters, List.class);
    }

    /** The number of rows a statement changed. */
    public int update(String file, Map<String, Object> parameters) {
        Exchange done = producer().request(uri(file), exchange -> exchange.getMessage().setBody(parameters));
        if (done.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(done.getException());
        }
        return done.getMessage().getHeader("CamelSqlUpdateCount", 0, Integer.class);
    }

    /** Fails unless {@code file} is the name of a file under {@code sql/} (never a path, never SQL text). */
    public static String requireFileName(String file) {
        if (!file.matches("[a-z0-9-]+\\.sql")) {
            throw new IllegalArgumentException("A query is a file name under sql/, not " + file);
        }
        return file;
    }

    private static String uri(String file) {
        return "sql:classpath:sql/" + requireFileName(file);
    }

    /** One template for every query (templates are thread-safe; each one holds a cache). */
    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camelContext.createProducerTemplate();
        }
        return producer;
    }
}
