package io.catalogbridge.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Streams rows into a table through PostgreSQL's {@code COPY ... FROM STDIN} (text format), on the connection of the
 * caller's transaction (a transacted route's, through {@link DataSourceUtils}), so that the rows are part of it: a
 * rolled-back transaction leaves none. The rows are encoded and sent a chunk of about {@value #CHUNK} characters at a
 * time, so that a million rows never sit in memory as one text. The COPY statement is a file under {@code sql/} like
 * every other statement.
 */
@Component
public class CopyRows {

    static final int CHUNK = 64 * 1024;

    private final DataSource dataSource;

    public CopyRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies the rows (each value's {@code toString()}, null as SQL NULL) by {@code file}'s COPY; answers the count. */
    public long copy(String file, Iterator<Object[]> rows) {
        String statement = statement(SqlQueries.requireFileName(file));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
            try {
                StringBuilder text = new StringBuilder(CHUNK + 4096);
                while (rows.hasNext()) {
                    appendRow(text, rows.next());
                    if (text.length() >= CHUNK) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY by sql/" + file + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One row in COPY's text format: values separated by tabs, ended by a newline. */
    public static void appendRow(StringBuilder text, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendValue(text, values[i] == null ? null : values[i].toString());
        }
        text.append('\n');
    }

    /**
     * One value in COPY's text format: {@code \N} for NULL; a backslash, and the tab, newline and carriage return that
     * would end a value or a row, escaped with a backslash. Everything else (quotes, dots, any Unicode character) is
     * data as it is: the stream is UTF-8, the connection's client encoding.
     */
    public static void appendValue(StringBuilder text, String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        int first = 0;
        while (first < value.length() && !escaped(value.charAt(first))) {
            first++;
        }
        // most values hold nothing to escape: appended whole, the rest (if any) a character at a time
        text.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean escaped(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String statement(String file) {
        try (InputStream in = CopyRows.class.getClassLoader().getResourceAsStream("sql/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No file sql/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
