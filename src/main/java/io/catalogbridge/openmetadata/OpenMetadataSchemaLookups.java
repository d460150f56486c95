package io.catalogbridge.openmetadata;

import io.catalogbridge.matching.AssetMatcher;
import io.catalogbridge.matching.Names;
import io.catalogbridge.matching.SchemaRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The targeted plan's lookups of an OpenMetadata job: which schemas hold the assets' tables, found by listing the
 * databases of the services the assets may be in and then the schemas of the databases they name, compared
 * case-insensitively. OpenMetadata filters tables by a schema's exact FQN only ({@code databaseSchema=<fqn>}), and an
 * FQN is never built from an asset's text (names keep the source's case): each listing of the plan is a schema's own
 * {@code fullyQualifiedName}. A schema request OpenMetadata has no schema for needs no listing at all.
 *
 * <p>The job drives it: {@link #servicesToList}, then {@link #databasesListed} per service, then
 * {@link #databasesToList}, {@link #schemasListed} per database, and finally {@link #listings} for the core's plan.
 * When the requests alone are too many for a targeted plan, nothing is looked up and the whole catalog is read.
 */
public final class OpenMetadataSchemaLookups {

    /** A database whose schemas are listed: its FQN, its service, and how its schemas' names are spelled in a request. */
    private record DatabaseToList(String fqn, UUID serviceId, String spellingPrefix) {
    }

    private final Map<String, OpenMetadataDatabaseService> servicesByName = new HashMap<>();
    /** Service id → the folded schema spellings of its requests. */
    private final Map<UUID, Set<String>> spellings = new HashMap<>();
    private final List<String> servicesToList;
    private final List<DatabaseToList> databasesToList = new ArrayList<>();
    /** (service id, folded spelling) → the FQNs of the schemas that spelling finds. */
    private final Map<List<Object>, Set<String>> schemaFqns = new HashMap<>();

    /**
     * @param lookUp whether to look anything up: false when the whole catalog is read anyway
     */
    public OpenMetadataSchemaLookups(AssetMatcher<UUID, ?, ?> matcher, List<OpenMetadataDatabaseService> services,
            boolean lookUp) {
        Map<UUID, OpenMetadataDatabaseService> byId = new HashMap<>();
        services.forEach(service -> {
            byId.put(service.id(), service);
            servicesByName.put(service.name(), service);
        });
        Set<String> names = new TreeSet<>();
        if (lookUp) {
            for (SchemaRequest<UUID> request : matcher.schemaRequests()) {
                OpenMetadataDatabaseService service = byId.get(request.dataSourceId());
                if (service != null) {
                    spellings.computeIfAbsent(service.id(), id -> new HashSet<>()).add(Names.fold(request.schemaName()));
                    names.add(service.name());
                }
            }
        }
        servicesToList = List.copyOf(names);
    }

    /** The names of the services whose databases are listed ({@code GET /v1/databases?service=<name>}). */
    public List<String> servicesToList() {
        return servicesToList;
    }

    /**
     * Takes a service's databases: those whose schemas may hold a requested schema are listed next. A database-less
     * service (MySQL: its schemas are the source's databases, under OpenMetadata's {@code default}) has each of its
     * databases listed, its schemas spelled alone; any other service's database is listed when a request's spelling
     * begins with its name ({@code database.schema}).
     */
    public <D> void databasesListed(String serviceName, List<D> databases, Function<D, String> name,
            Function<D, String> fullyQualifiedName) {
        OpenMetadataDatabaseService service = servicesByName.get(serviceName);
        Set<String> wanted = service == null ? Set.of() : spellings.getOrDefault(service.id(), Set.of());
        boolean databaseLess = service != null && OpenMetadataServiceTypes.isDatabaseLess(service.serviceType());
        for (D database : databases) {
            String fqn = fullyQualifiedName.apply(database);
            String databaseName = name.apply(database);
            if (fqn == null || databaseName == null) {
                continue;
            }
            String prefix = databaseLess ? "" : Names.fold(databaseName) + ".";
            if (databaseLess || wanted.stream().anyMatch(spelling -> spelling.startsWith(prefix))) {
                databasesToList.add(new DatabaseToList(fqn, service.id(), prefix));
            }
        }
    }

    /** The FQNs of the databases whose schemas are listed ({@code GET /v1/databaseSchemas?database=<fqn>}). */
    public List<String> databasesToList() {
        return databasesToList.stream().map(DatabaseToList::fqn).toList();
    }

    /** Takes the schemas of the {@code index}-th database of {@link #databasesToList}: those a request spells are kept. */
    public <S> void schemasListed(int index, List<S> schemas, Function<S, String> name,
            Function<S, String> fullyQualifiedName) {
        DatabaseToList database = databasesToList.get(index);
        Set<String> wanted = spellings.getOrDefault(database.serviceId(), Set.of());
        for (S schema : schemas) {
            String schemaName = name.apply(schema);
            String fqn = fullyQualifiedName.apply(schema);
            if (schemaName == null || fqn == null) {
                continue;
            }
            String spelling = database.spellingPrefix() + Names.fold(schemaName);
            if (wanted.contains(spelling)) {
                schemaFqns.computeIfAbsent(List.of(database.serviceId(), spelling), key -> new TreeSet<>()).add(fqn);
            }
        }
    }

    /** The table listings of one schema request: one per schema found for it, none when OpenMetadata has none. */
    public List<Map<String, Object>> listings(SchemaRequest<UUID> request) {
        return schemaFqns.getOrDefault(List.of(request.dataSourceId(), Names.fold(request.schemaName())), Set.of())
                .stream().map(fqn -> Map.<String, Object>of("databaseSchema", fqn)).toList();
    }
}
