package io.catalogbridge.api;

import java.util.List;
import org.springframework.stereotype.Component;

/** Cuts a list of rows into batches, for bulk writes through the SQL component ({@code batch=true}). */
@Component("batches")
public class Batches {

    public static final int SIZE = 1000;

    public <T> List<List<T>> of(List<T> rows) {
        int count = (rows.size() + SIZE - 1) / SIZE;
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> rows.subList(i * SIZE, Math.min(rows.size(), (i + 1) * SIZE)))
                .toList();
    }
}
