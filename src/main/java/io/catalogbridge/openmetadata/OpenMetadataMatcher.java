package io.catalogbridge.openmetadata;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.matching.AssetMatcher;
import io.catalogbridge.matching.CatalogWords;
import io.catalogbridge.matching.DataSourceLinks;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The core's matcher over OpenMetadata's catalog: its database services as neutral data sources, its tables as they
 * are parsed, its words in the reasons, and its mapping shape.
 *
 * <p>A data-source link names its service by {@code name}, which this resolves to the service's id: the service of
 * that exact name, else the one service whose name equals it ignoring case. OpenMetadata's names are exact-case and
 * two services may differ only in case; the fallback forgives a link typed with other capitals, which is how asset
 * names and titles compare too, and it never guesses: a name equal ignoring case to several services names none. A
 * link whose service OpenMetadata does not list still holds, as a link by id to an unlisted data source does in the
 * core: it chooses no service (other rules do not get to map the asset against the user's word), the asset stays
 * unmatched, and the reason names the service to fix.
 */
public final class OpenMetadataMatcher extends AssetMatcher<UUID, OpenMetadataTable, OpenMetadataMapping> {

    /**
     * How reasons name OpenMetadata, the field of a data-source link that names the service, and why connections may
     * be hidden: OpenMetadata shows them to bots and admins only.
     */
    public static final CatalogWords WORDS = new CatalogWords("OpenMetadata", "service_name",
            "to this token (not a bot's or an admin's)");

    /**
     * @param assets          the tenant's assets; asset ids must be present and unique
     * @param services        OpenMetadata's database services
     * @param dataSourceLinks the tenant's links: observability data source name → OpenMetadata service name
     */
    public OpenMetadataMatcher(Collection<Asset> assets, Collection<OpenMetadataDatabaseService> services,
            Map<String, String> dataSourceLinks) {
        super(assets, listed(services).stream().map(OpenMetadataDatabaseService::toCatalog).toList(),
                resolve(dataSourceLinks, listed(services)), WORDS,
                (assetId, table, service) -> OpenMetadataMapping.of(assetId, table));
    }

    /**
     * @param links the tenant's links as stored; of two for one data source name, the lesser service name holds
     */
    public OpenMetadataMatcher(Collection<Asset> assets, Collection<OpenMetadataDatabaseService> services,
            List<OpenMetadataDataSourceLink> links) {
        this(assets, services, byDataSourceName(links));
    }

    private static List<OpenMetadataDatabaseService> listed(Collection<OpenMetadataDatabaseService> services) {
        return services.stream().filter(Objects::nonNull).toList();
    }

    private static Map<String, String> byDataSourceName(List<OpenMetadataDataSourceLink> links) {
        Map<String, String> byName = new HashMap<>();
        for (OpenMetadataDataSourceLink link : links) {
            if (link != null && link.dataSourceName() != null && link.serviceName() != null) {
                byName.merge(link.dataSourceName(), link.serviceName(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return byName;
    }

    /** Each link's service name as the service's id where OpenMetadata lists it, and as the name where it does not. */
    private static DataSourceLinks<UUID> resolve(Map<String, String> links,
            List<OpenMetadataDatabaseService> services) {
        Map<String, UUID> byName = new HashMap<>();
        Map<String, Set<UUID>> byFoldedName = new HashMap<>();
        for (OpenMetadataDatabaseService service : services) {
            if (service.id() != null && service.name() != null) {
                byName.putIfAbsent(service.name(), service.id());
                byFoldedName.computeIfAbsent(fold(service.name()), folded -> new HashSet<>()).add(service.id());
            }
        }
        Map<String, UUID> ids = new HashMap<>();
        Map<String, String> unlisted = new HashMap<>();
        links.forEach((dataSourceName, serviceName) -> {
            if (dataSourceName == null || serviceName == null) {
                return;
            }
            Set<UUID> ignoringCase = byFoldedName.getOrDefault(fold(serviceName), Set.of());
            UUID id = byName.containsKey(serviceName) ? byName.get(serviceName)
                    : ignoringCase.size() == 1 ? ignoringCase.iterator().next() : null;
            if (id != null) {
                ids.put(dataSourceName, id);
            } else {
                unlisted.put(dataSourceName, serviceName);
            }
        });
        return new DataSourceLinks<>(ids, unlisted);
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
