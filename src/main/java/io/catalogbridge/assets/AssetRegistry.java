package io.catalogbridge.assets;

import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules of the asset registry, for the pipelines in {@code routes/assets/}: what a valid upload is, and the rows
 * it becomes (named parameters of {@code sql/asset-upsert.sql}).
 */
@Component("assetRegistry")
public class AssetRegistry {

    static final int MAX_ID_LENGTH = 255;
    private static final int MAX_ERRORS_REPORTED = 20;

    /** Validates an upload and answers its rows, or fails with 400 naming the first offending fields. */
    public List<Map<String, Object>> toRows(String tenant, List<Asset> assets) {
        if (assets == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The request body must be a JSON array of assets");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>(assets.size());
        for (int i = 0; i < assets.size() && errors.size() < MAX_ERRORS_REPORTED; i++) {
            Asset asset = assets.get(i);
            String at = "[" + i + "]";
            if (asset == null) {
                errors.add(new FieldError(at, "must be an asset object"));
                continue;
            }
            textFields(asset).forEach((field, text) -> TextFields.check(at + "." + field, text, errors));
            require(asset.assetId(), at + ".asset_id", errors);
            require(asset.schema(), at + ".schema", errors);
            require(asset.table(), at + ".table", errors);
            if (asset.assetId() != null && asset.assetId().length() > MAX_ID_LENGTH) {
                errors.add(new FieldError(at + ".asset_id", "may not exceed " + MAX_ID_LENGTH + " characters"));
            }
            if (asset.port() != null && (asset.port() < 1 || asset.port() > 65535)) {
                errors.add(new FieldError(at + ".port", "must be 1 to 65535"));
            }
            if (asset.assetId() != null && !seen.add(asset.assetId())) {
                errors.add(new FieldError(at + ".asset_id", "appears twice in the upload"));
            }
            rows.add(row(tenant, asset));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid assets: " + errors.size()
                    + (errors.size() >= MAX_ERRORS_REPORTED ? " or more" : "") + " problems, the first at "
                    + errors.get(0).field(), errors);
        }
        return rows;
    }

    private static Map<String, Object> row(String tenant, Asset asset) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", tenant);
        row.put("asset_id", asset.assetId());
        row.put("data_source_name", asset.dataSourceName());
        row.put("data_source_type", asset.dataSourceType());
        row.put("host", asset.host());
        row.put("port", asset.port());
        row.put("database_name", asset.database());
        row.put("schema_name", asset.schema());
        row.put("table_name", asset.table());
        return row;
    }

    /** Every text field of an asset by its JSON name, in the order of the record. */
    private static Map<String, String> textFields(Asset asset) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("asset_id", asset.assetId());
        texts.put("data_source_name", asset.dataSourceName());
        texts.put("data_source_type", asset.dataSourceType());
        texts.put("host", asset.host());
        texts.put("database", asset.database());
        texts.put("schema", asset.schema());
        texts.put("table", asset.table());
        return texts;
    }

    private static void require(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }
}
