package io.catalogbridge.quality;

import org.springframework.jdbc.core.JdbcTemplate;

/** The tenant set-ups quality tests need, written straight into the wings' tables (no catalog is called). */
final class QualityFixtures {

    private QualityFixtures() {
    }

    static void configureAlation(JdbcTemplate jdbc, String tenant) {
        jdbc.update("INSERT INTO alation_integration (tenant_id, url, given_url, user_id, refresh_token_encrypted)"
                + " VALUES (?, 'https://alation.example.com', 'https://alation.example.com', 1, 'sealed')", tenant);
    }

    static void configureOpenMetadata(JdbcTemplate jdbc, String tenant) {
        jdbc.update("INSERT INTO openmetadata_integration (tenant_id, url, given_url, jwt_token_encrypted)"
                + " VALUES (?, 'https://om.example.com', 'https://om.example.com', 'sealed')", tenant);
    }

    static void mapInAlation(JdbcTemplate jdbc, String tenant, String assetId) {
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES (?, ?, 1, 'dwh', 2, 'sales', 3, 'orders')", tenant, assetId);
    }

    static void mapInOpenMetadata(JdbcTemplate jdbc, String tenant, String assetId) {
        jdbc.update("INSERT INTO openmetadata_mapping (tenant_id, asset_id, service_name, database_name, schema_name,"
                + " table_id, table_name, table_fqn) VALUES (?, ?, 'svc', 'db', 'sales', gen_random_uuid(), 'orders',"
                + " 'svc.db.sales.orders')", tenant, assetId);
    }

    /** A result as JSON, table-level when {@code column} is null; {@code value} is JSON text. */
    static String result(String assetId, String ruleKey, String column, String status, String valueType, String value,
            String measuredAt) {
        return "{\"asset_id\": \"" + assetId + "\", \"rule_key\": \"" + ruleKey + "\", \"rule_name\": \"Rule " + ruleKey
                + "\", \"column\": " + (column == null ? "null" : "\"" + column + "\"") + ", \"status\": \"" + status
                + "\", \"value_type\": \"" + valueType + "\", \"value\": " + value + ", \"measured_at\": \"" + measuredAt
                + "\"}";
    }

    /** The result (JSON from {@link #result}) with a link back to the platform. */
    static String withUrl(String result, String url) {
        return result.substring(0, result.lastIndexOf('}')) + ", \"url\": \"" + url + "\"}";
    }
}
