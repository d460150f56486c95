package io.catalogbridge.api;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/** Cuts rows into batches of {@value #SIZE}, for bulk writes through the SQL component. */
@Component("batches")
public class Batches {

    public static final int SIZE = 1000;

    /** A list of row maps in sublists, for {@code batch=true} statements. */
    public <T> List<List<T>> of(List<T> rows) {
        int count = (rows.size() + SIZE - 1) / SIZE;
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> rows.subList(i * SIZE, Math.min(rows.size(), (i + 1) * SIZE)))
                .toList();
    }

    /**
     * Rows as parameter maps of columns, one map a batch: each column a String array (null stays null) that the
     * statement casts and unnests, so that a batch is one statement. A batch is built only when it is asked for.
     */
    public static Iterator<Map<String, Object>> ofColumns(int total, Map<String, Object> constants,
            List<String> columns, IntFunction<Object[]> rowAt) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public Map<String, Object> next() {
                if (next >= total) {
                    throw new NoSuchElementException();
                }
                int size = Math.min(total - next, SIZE);
                String[][] values = new String[columns.size()][size];
                for (int row = 0; row < size; row++, next++) {
                    Object[] fields = rowAt.apply(next);
                    for (int column = 0; column < fields.length; column++) {
                        values[column][row] = fields[column] == null ? null : fields[column].toString();
                    }
                }
                Map<String, Object> batch = new HashMap<>(constants);
                for (int column = 0; column < columns.size(); column++) {
                    batch.put(columns.get(column), values[column]);
                }
                return batch;
            }
        };
    }
}
