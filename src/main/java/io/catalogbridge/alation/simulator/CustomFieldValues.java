package io.catalogbridge.alation.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rich-text custom-field values written on tables, by table then field, so a table's values are one range. A
 * job's batch is written under the write lock: readers see all of it or none.
 */
public final class CustomFieldValues {

    /** One value; {@code value} is the HTML as written. */
    public record StoredValue(long fieldId, long oid, String value, Instant updated) {
    }

    private record Key(long oid, long fieldId) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::oid).thenComparingLong(Key::fieldId);
    }

    private final ReadWriteGuard guard = new ReadWriteGuard();
    private final TreeMap<Key, StoredValue> values = new TreeMap<>(Key.ORDER);

    public Optional<String> value(long fieldId, long oid) {
        return guard.read(() -> Optional.ofNullable(values.get(new Key(oid, fieldId))).map(StoredValue::value));
    }

    /** Every value, by table then field. */
    public List<StoredValue> all() {
        return guard.read(() -> List.copyOf(values.values()));
    }

    public int count() {
        return guard.read(values::size);
    }

    public void reset() {
        guard.write(() -> {
            values.clear();
            return null;
        });
    }

    /** Writes a batch; the later of two values for one (field, table) wins, as it would in Alation. */
    void write(List<StoredValue> batch) {
        guard.write(() -> {
            for (StoredValue value : batch) {
                values.put(new Key(value.oid(), value.fieldId()), value);
            }
            return null;
        });
    }

    /** A page of the values of one table (or every table when {@code oid} is null), of one field when given. */
    Slice<StoredValue> page(Long oid, Long fieldId, long skip, int limit) {
        return guard.read(() -> {
            Iterable<StoredValue> candidates = oid == null ? values.values()
                    : values.subMap(new Key(oid, Long.MIN_VALUE), true, new Key(oid, Long.MAX_VALUE), true).values();
            List<StoredValue> matching = new java.util.ArrayList<>();
            for (StoredValue value : candidates) {
                if (fieldId == null || value.fieldId() == fieldId) {
                    matching.add(value);
                    if (matching.size() > skip + limit) {
                        break;
                    }
                }
            }
            return Slice.of(matching, skip, limit);
        });
    }
}
