package io.catalogbridge.openmetadata;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.mapping.AutoMapping;
import io.catalogbridge.mapping.AutoMappingRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's steps of the automatic mapping job that need Java, for
 * {@code routes/openmetadata/auto-mapping.camel.yaml}: the matcher over the tenant's assets, services and links, the
 * schema lookups of the targeted plan ({@link OpenMetadataSchemaLookups}), and the run the core carries from there
 * ({@link AutoMapping}).
 */
@Component("openmetadataAutoMapping")
public class OpenMetadataAutoMapping {

    /** The job before its plan is made: the matcher, and the lookups that find the schemas the plan lists. */
    public record Planning(OpenMetadataMatcher matcher, OpenMetadataSchemaLookups lookups) {
    }

    private final AutoMapping autoMapping;

    public OpenMetadataAutoMapping(AutoMapping autoMapping) {
        this.autoMapping = autoMapping;
    }

    /**
     * The matcher over the assets, the services and the links (rows of {@code data_source_name}, {@code service_name}),
     * and the lookups its schema requests need: none when they are too many for a targeted plan.
     */
    public Planning plan(String jobId, List<Asset> assets, List<Map<String, Object>> linkRows,
            List<OpenMetadataDatabaseService> services) {
        List<OpenMetadataDataSourceLink> links = linkRows.stream()
                .map(row -> new OpenMetadataDataSourceLink((String) row.get("data_source_name"),
                        (String) row.get("service_name")))
                .toList();
        OpenMetadataMatcher matcher = new OpenMetadataMatcher(assets, services, links);
        return new Planning(matcher, new OpenMetadataSchemaLookups(matcher, services,
                !assets.isEmpty() && autoMapping.targetedPlanPossible(jobId, matcher)));
    }

    /** The run: the core's plan over the schemas the lookups found (or the whole catalog). */
    public AutoMappingRun<UUID, OpenMetadataTable, OpenMetadataMapping> start(String jobId, String tenant,
            boolean overwrite, List<Asset> assets, Planning planning, List<Map<String, Object>> mappedRows,
            SkippedObjects skipped) {
        Map<String, UUID> mapped = new HashMap<>();
        mappedRows.forEach(row -> mapped.put((String) row.get("asset_id"), (UUID) row.get("table_id")));
        return autoMapping.start(jobId, tenant, overwrite, assets, planning.matcher(), mapped,
                planning.lookups()::listings, skipped);
    }

    public int servicesToListCount(Planning planning) {
        return planning.lookups().servicesToList().size();
    }

    public String serviceToList(Planning planning, int index) {
        return planning.lookups().servicesToList().get(index);
    }

    /** Takes the databases of the service whose name is given, listed ({@code GET /v1/databases?service=}). */
    public void databasesListed(Planning planning, String serviceName, List<OpenMetadataDatabase> databases) {
        planning.lookups().databasesListed(serviceName, databases, OpenMetadataDatabase::name,
                OpenMetadataDatabase::fullyQualifiedName);
    }

    public int databasesToListCount(Planning planning) {
        return planning.lookups().databasesToList().size();
    }

    public String databaseToList(Planning planning, int index) {
        return planning.lookups().databasesToList().get(index);
    }

    /** Takes the schemas of the {@code index}-th database to list ({@code GET /v1/databaseSchemas?database=}). */
    public void schemasListed(Planning planning, int index, List<OpenMetadataDatabaseSchema> schemas) {
        planning.lookups().schemasListed(index, schemas, OpenMetadataDatabaseSchema::name,
                OpenMetadataDatabaseSchema::fullyQualifiedName);
    }
}
