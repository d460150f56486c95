package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.matching.CatalogDataSource;
import io.catalogbridge.matching.DataSourceConnection;
import java.util.Arrays;
import java.util.UUID;

/**
 * A database service, {@code GET /v1/services/databaseServices}: OpenMetadata's data source. {@code connection} is
 * null unless the caller is a bot or an admin (OpenMetadata hides it from everyone else); then only links and names
 * can choose the service ({@link ServiceConnectionFacts#connectionHidden}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataDatabaseService(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("serviceType") String serviceType,
        @JsonProperty("connection") OpenMetadataServiceConnection connection) implements OpenMetadataObject {

    /** The connection's config, or null when OpenMetadata did not show it. */
    public OpenMetadataConnectionConfig config() {
        return connection == null ? null : connection.config();
    }

    /**
     * The matcher's neutral data source: the id, the titles an asset's data source name may equal ({@code name}, the
     * one reasons show, then {@code displayName}), and the connection in the observability platform's words, hidden
     * when OpenMetadata did not show it.
     */
    public CatalogDataSource<UUID> toCatalog() {
        ServiceConnectionFacts facts = ServiceConnectionFacts.of(this);
        return new CatalogDataSource<>(id, Arrays.asList(name, displayName),
                new DataSourceConnection(facts.type(), facts.host(), facts.port(), facts.database()),
                facts.connectionHidden());
    }

    /** A service is usable with its id and name: its tables refer to it by both. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null || name.isBlank() ? "name" : null;
    }
}
