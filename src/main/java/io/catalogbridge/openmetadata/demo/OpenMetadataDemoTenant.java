package io.catalogbridge.openmetadata.demo;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.openmetadata.OpenMetadataIntegrationRequest;
import io.catalogbridge.openmetadata.simulator.OmService;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataCatalog;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorProperties;
import io.catalogbridge.openmetadata.simulator.ServiceType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's OpenMetadata side (profile {@code demo}): its integration points at the in-service OpenMetadata
 * simulator with the bot token (a bot sees the services' connections, so connection matching has something to
 * compare), and a few assets, ids {@code demo-om-*}, are drawn from the simulator's catalog so that an OpenMetadata
 * job shows each way of matching: by connection (Postgres, Redshift, MySQL under OpenMetadata's {@code default}
 * database, Snowflake spelled in lower case), by service name and display name (a dotted table name among them), one
 * ambiguous and one unmatched. Registered at start-up by {@code routes/openmetadata/demo/demo-tenant.camel.yaml},
 * beside the Alation demo's assets of the same tenant (assets are upserted, so neither registration removes the
 * other's).
 *
 * <p>The tables are picked by the catalog's Java API, in index order, so the same simulator seed always gives the same
 * assets. A table mapped by the demo is one whose spelling (database, schema and name, case-folded) no other table of
 * the catalog shares, live or soft-deleted: it is the one candidate whichever rule chose its service.
 */
@Component("openmetadataDemoTenant")
@Profile("demo")
public class OpenMetadataDemoTenant {

    /** The tenant the Alation demo registers too: one tenant, two catalogs. */
    public static final String TENANT = "demo";

    private final OpenMetadataSimulator simulator;
    private final OpenMetadataSimulatorProperties simulatorProperties;

    public OpenMetadataDemoTenant(OpenMetadataSimulator simulator,
                                  OpenMetadataSimulatorProperties simulatorProperties) {
        this.simulator = simulator;
        this.simulatorProperties = simulatorProperties;
    }

    public String tenant() {
        return TENANT;
    }

    public OpenMetadataIntegrationRequest integration() {
        return new OpenMetadataIntegrationRequest(simulator.baseUrl(), simulatorProperties.botToken(), List.of());
    }

    public List<Asset> assets() {
        Tables tables = new Tables(simulator.catalog());
        OmTable postgres = tables.unique(ServiceType.POSTGRES, Tables::inConnectionDatabase);
        OmTable redshift = tables.unique(ServiceType.REDSHIFT, Tables::inConnectionDatabase);
        OmTable mysql = tables.unique(ServiceType.MYSQL, table -> true);
        OmTable snowflake = tables.unique(ServiceType.SNOWFLAKE, Tables::inConnectionDatabase);
        OmTable mssql = tables.unique(ServiceType.MSSQL, table -> true);
        OmTable dotted = tables.unique(ServiceType.POSTGRES, table -> true, true);
        Asset postgresAsset = byConnection("demo-om-postgres", "postgresql", postgres, false);
        return List.of(
                postgresAsset,
                byConnection("demo-om-redshift", "redshift", redshift, false),
                // a MySQL asset's schema is the MySQL database: OpenMetadata files it under its database 'default'
                new Asset("demo-om-mysql", null, "mysql", host(service(mysql)), port(service(mysql)), null,
                        mysql.schema().name(), mysql.name()),
                byConnection("demo-om-snowflake", "snowflake", snowflake, true),
                byName("demo-om-mssql", service(mssql).name(), mssql),
                byName("demo-om-dotted", service(dotted).displayName(), dotted),
                // no source at all: the spelling recurs in several services
                byName("demo-om-ambiguous", null, tables.ambiguous().get(0)),
                // the Postgres asset's service, which has no such table
                new Asset("demo-om-unmatched", null, postgresAsset.dataSourceType(), postgresAsset.host(),
                        postgresAsset.port(), postgresAsset.database(), postgresAsset.schema(), "no_such_table"));
    }

    /** An asset stating where its database lives, as the observability platform knows it; Snowflake by its account. */
    private static Asset byConnection(String assetId, String type, OmTable table, boolean lowerCase) {
        OmService service = service(table);
        boolean snowflake = service.type() == ServiceType.SNOWFLAKE;
        String host = snowflake ? service.account() + ".snowflakecomputing.com" : host(service);
        Integer port = snowflake ? null : port(service);
        return new Asset(assetId, null, type, host, port, spelled(table.schema().database().name(), lowerCase),
                spelled(table.schema().name(), lowerCase), spelled(table.name(), lowerCase));
    }

    /**
     * An asset naming its source as the platform calls it (null: not at all) and nothing of its connection: its schema
     * is written {@code database.schema}, since a database of its own is a connection fact (matching rule 1b would
     * choose the services whose connection names that database, before any name is compared).
     */
    private static Asset byName(String assetId, String dataSourceName, OmTable table) {
        return new Asset(assetId, dataSourceName, null, null, null, null,
                table.schema().database().name() + "." + table.schema().name(), table.name());
    }

    private static String spelled(String name, boolean lowerCase) {
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static OmService service(OmTable table) {
        return table.schema().service();
    }

    private static String host(OmService service) {
        return service.hostPort().substring(0, service.hostPort().lastIndexOf(':'));
    }

    private static int port(OmService service) {
        return Integer.parseInt(service.hostPort().substring(service.hostPort().lastIndexOf(':') + 1));
    }

    /** The catalog's tables by the spelling the matcher compares, to pick tables with a known outcome. */
    private static final class Tables {

        private final OpenMetadataCatalog catalog;
        private final Map<String, List<OmTable>> bySpelling;

        Tables(OpenMetadataCatalog catalog) {
            this.catalog = catalog;
            this.bySpelling = catalog.tables().collect(Collectors.groupingBy(Tables::spelling));
        }

        /** Database, schema and name, case-folded; a database-less service's schema stands alone. */
        static String spelling(OmTable table) {
            String schema = table.schema().database().isDefault() ? table.schema().name()
                    : table.schema().database().name() + "." + table.schema().name();
            return (schema + "." + table.name()).toLowerCase(Locale.ROOT);
        }

        /** In the database the service's connection names: the database a connection match compares. */
        static boolean inConnectionDatabase(OmTable table) {
            return table.schema().database().name().equals(table.schema().service().database());
        }

        /** The first live table of the type whose spelling no other table shares, its name without a dot. */
        OmTable unique(ServiceType type, Predicate<OmTable> also) {
            return unique(type, also, false);
        }

        /**
         * The first live table of the type whose spelling no other table shares, its name dotted or not as asked, and
         * without double quotes (a demo asset is typed by hand as often as not).
         */
        OmTable unique(ServiceType type, Predicate<OmTable> also, boolean dotted) {
            return catalog.tables()
                    .filter(table -> table.schema().service().type() == type && !table.deleted()
                            && table.name().contains(".") == dotted && !table.name().contains("\"")
                            && also.test(table))
                    .filter(table -> bySpelling.get(spelling(table)).size() == 1)
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "The OpenMetadata simulator's catalog has no table of its own spelling in " + type));
        }

        /**
         * Live tables of one spelling and one name in as many services with databases of their own (so that the
         * spelling is {@code database.schema.table}), none soft-deleted: only a source could choose.
         */
        List<OmTable> ambiguous() {
            return bySpelling.values().stream()
                    .filter(same -> same.size() >= 2 && same.stream().noneMatch(OmTable::deleted)
                            && same.stream().noneMatch(table -> table.schema().database().isDefault())
                            && same.stream().map(OmTable::name).distinct().count() == 1
                            && same.stream().map(table -> table.schema().service()).distinct().count() == same.size())
                    .min(Comparator.comparingLong(same -> same.get(0).index()))
                    .orElseThrow(() -> new IllegalStateException(
                            "The OpenMetadata simulator's catalog has no table name shared by several services"));
        }
    }
}
