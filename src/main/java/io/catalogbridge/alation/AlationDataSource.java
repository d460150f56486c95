package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.matching.CatalogDataSource;
import io.catalogbridge.matching.DataSourceConnection;

/**
 * A data source: native ones come from {@code /integration/v1/datasource/} with {@code dbtype}, {@code host},
 * {@code port} and {@code dbname}; connector (OCF) ones from {@code /integration/v2/datasource/} with only a
 * {@code uri} to read them from. {@code connector} says which listing it came from.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationDataSource(
        @JsonProperty("id") Long id,
        @JsonProperty("title") String title,
        @JsonProperty("dbtype") String dbtype,
        @JsonProperty("host") String host,
        @JsonProperty("port") @JsonDeserialize(using = AnyScalarAsText.class) String port,
        @JsonProperty("dbname") String dbname,
        @JsonProperty("uri") String uri,
        @JsonProperty("connector") boolean connector) implements AlationObject {

    /** The filters of both data-source listings: hidden sources too (Alation leaves them out unless asked). */
    public static java.util.Map<String, Object> listingFilters() {
        return java.util.Map.of("include_hidden", "true");
    }

    /** One list of both kinds: native sources as listed, connector sources marked as such (ids share one space). */
    public static java.util.List<AlationDataSource> merge(java.util.List<AlationDataSource> nativeSources,
            java.util.List<AlationDataSource> connectorSources) {
        java.util.List<AlationDataSource> all = new java.util.ArrayList<>();
        if (nativeSources != null) {
            all.addAll(nativeSources);
        }
        if (connectorSources == null) {
            return all;
        }
        connectorSources.forEach(source -> all.add(new AlationDataSource(source.id(), source.title(), source.dbtype(),
                source.host(), source.port(), source.dbname(), source.uri(), true)));
        return all;
    }

    /**
     * The data source's connection: its native {@code dbtype}/{@code host}/{@code port}/{@code dbname} where given,
     * and what its {@code uri} says for the rest. Connector (OCF) sources have only the URI; native sources sometimes
     * lack a field the URI still carries.
     */
    public DataSourceConnection connection() {
        DataSourceConnection fields = new DataSourceConnection(dbtype, host, DataSourceConnection.parsePort(port),
                dbname);
        return fields.isComplete() ? fields : fields.orElse(DataSourceConnection.parseUri(uri));
    }

    /** The matcher's neutral data source: the id, the title (Alation has one), the connection. */
    public CatalogDataSource<Long> toCatalog() {
        return new CatalogDataSource<>(id, title == null ? java.util.List.of() : java.util.List.of(title),
                connection());
    }

    @Override
    public String missingField() {
        return id == null ? "id" : null;
    }
}
