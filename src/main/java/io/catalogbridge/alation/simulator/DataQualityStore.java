package io.catalogbridge.alation.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data-quality fields (rules) and values (results) Alation holds. Values are keyed by field key and normalized
 * object key ({@link AlationKeys#normalized}: lower-cased, quoted as Alation quotes), in one sorted map, so that the
 * values of one object are one range and 100,000 values cost one small record each. A job's whole batch is applied
 * under the write lock, so readers see a batch entirely or not at all.
 */
public final class DataQualityStore {

    public static final List<String> FIELD_TYPES = List.of("NUMERIC", "STRING", "BOOLEAN");
    public static final List<String> STATUSES = List.of("GOOD", "WARNING", "ALERT");

    /** A data-quality field (a rule). */
    public record Field(String key, String name, String type, String description) {
    }

    /**
     * A value: a field's result on one catalog object. {@code objectKey} is the catalog's own spelling of the key;
     * {@code value} a String, Number or Boolean as posted.
     */
    public record Value(String fieldKey, String objectKey, String objectType, String status, Object value, String url,
                        String lastUpdated) {
    }

    /** A value as posted, before its object is resolved. */
    record PostedValue(Value value, CatalogObjects.ObjectType type) {
    }

    private final ReadWriteGuard guard = new ReadWriteGuard();
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final TreeMap<String, Value> values = new TreeMap<>();

    private static String valueKey(String normalizedObjectKey, String fieldKey) {
        return normalizedObjectKey + '\u0000' + fieldKey;
    }

    /** The values of one object: its normalized key followed by the separator, up to the next character. */
    private NavigableMap<String, Value> valuesOfObject(String objectKey) {
        String normalized = AlationKeys.normalized(objectKey);
        return values.subMap(normalized + '\u0000', true, normalized + '\u0001', false);
    }

    // ---- the Java API of the tests ----

    /** Every field, in the order first created. */
    public List<Field> fields() {
        return guard.read(() -> List.copyOf(fields.values()));
    }

    public Optional<Field> field(String key) {
        return guard.read(() -> Optional.ofNullable(fields.get(key)));
    }

    public boolean hasField(String key) {
        return guard.read(() -> fields.containsKey(key));
    }

    public int valueCount() {
        return guard.read(values::size);
    }

    /** The values of one object (any case, any quoting of its key), by field key. */
    public List<Value> valuesOf(String objectKey) {
        return guard.read(() -> List.copyOf(valuesOfObject(objectKey).values()));
    }

    public Optional<Value> value(String fieldKey, String objectKey) {
        return guard.read(() -> Optional.ofNullable(values.get(valueKey(AlationKeys.normalized(objectKey), fieldKey))));
    }

    /** Every value, by object key then field key. */
    public List<Value> values() {
        return guard.read(() -> List.copyOf(values.values()));
    }

    /** Forgets every field and value. */
    public void reset() {
        guard.write(() -> {
            fields.clear();
            values.clear();
            return null;
        });
    }

    // ---- what the jobs apply and the listings read ----

    /** Upserts fields, then values; a value whose object the catalog cannot resolve is counted, not stored. */
    String upsert(List<Field> postedFields, List<PostedValue> postedValues, CatalogObjects catalog) {
        List<String> resolved = new ArrayList<>(postedValues.size()); // outside the lock: the catalog never changes
        for (PostedValue posted : postedValues) {
            resolved.add(catalog.resolve(posted.type(), posted.value().objectKey()));
        }
        return guard.write(() -> {
            QualityResult result = QualityResult.upsert();
            for (Field field : postedFields) {
                (fields.put(field.key(), field) == null ? result.fieldsCreated : result.fieldsUpdated)
                        .add(field.key(), null);
            }
            for (int i = 0; i < postedValues.size(); i++) {
                Value posted = postedValues.get(i).value();
                String objectKey = resolved.get(i);
                if (objectKey == null) {
                    result.unresolved.add(posted.fieldKey(), posted.objectKey());
                    continue;
                }
                Value value = new Value(posted.fieldKey(), objectKey, posted.objectType(), posted.status(),
                        posted.value(), posted.url(), posted.lastUpdated());
                Value before = values.put(valueKey(AlationKeys.normalized(objectKey), value.fieldKey()), value);
                (before == null ? result.valuesCreated : result.valuesUpdated).add(value.fieldKey(), objectKey);
                result.attributed.add(value.fieldKey(), objectKey);
                result.stored(value.status());
            }
            return result.json();
        });
    }

    /** Deletes values by (field key, object key) and fields with all their values; what is missing is not_found. */
    String delete(List<String[]> valueKeys, List<String> fieldKeys) {
        return guard.write(() -> {
            QualityResult result = QualityResult.deletion();
            for (String[] key : valueKeys) {
                Value removed = values.remove(valueKey(AlationKeys.normalized(key[1]), key[0]));
                (removed == null ? result.valuesNotFound : result.valuesDeleted).add(key[0],
                        removed == null ? key[1] : removed.objectKey());
            }
            for (String fieldKey : fieldKeys) {
                if (fields.remove(fieldKey) == null) {
                    result.fieldsNotFound.add(fieldKey, null);
                    continue;
                }
                result.fieldsDeleted.add(fieldKey, null);
                for (Iterator<Value> it = values.values().iterator(); it.hasNext(); ) {
                    Value value = it.next();
                    if (value.fieldKey().equals(fieldKey)) { // a field's values go with it
                        it.remove();
                        result.valuesDeleted.add(fieldKey, value.objectKey());
                    }
                }
            }
            return result.json();
        });
    }

    /** A page of the fields, all or the one of {@code key}. */
    Slice<Field> fieldPage(String key, long skip, int limit) {
        return guard.read(() -> Slice.of(key == null ? fields.values()
                : Optional.ofNullable(fields.get(key)).stream().toList(), skip, limit));
    }

    /** A page of the values of one object and/or one field (either may be null). */
    Slice<Value> valuePage(String objectKey, String fieldKey, long skip, int limit) {
        return guard.read(() -> {
            Iterable<Value> candidates = objectKey == null ? values.values() : valuesOfObject(objectKey).values();
            List<Value> matching = new ArrayList<>();
            for (Value value : candidates) {
                if (fieldKey == null || value.fieldKey().equals(fieldKey)) {
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
