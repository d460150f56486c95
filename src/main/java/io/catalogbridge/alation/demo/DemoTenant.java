package io.catalogbridge.alation.demo;

import io.catalogbridge.alation.AlationIntegrationRequest;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedCatalog;
import io.catalogbridge.alation.simulator.SimulatedDataSource;
import io.catalogbridge.alation.simulator.SimulatedSchema;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo tenant (profile {@code demo}): its integration points at the in-service Alation simulator, and its assets
 * are drawn from the simulator's catalog so that the automatic mapping has something of every kind to find: assets
 * matched by connection, by data source title, an ambiguous one and an unmatched one. Registered at start-up by
 * {@code routes/alation/demo/demo-tenant.camel.yaml}.
 */
@Component("demoTenant")
@Profile("demo")
public class DemoTenant {

    public static final String TENANT = "demo";

    private final AlationSimulator simulator;
    private final SimulatorProperties simulatorProperties;

    public DemoTenant(AlationSimulator simulator, SimulatorProperties simulatorProperties) {
        this.simulator = simulator;
        this.simulatorProperties = simulatorProperties;
    }

    public String tenant() {
        return TENANT;
    }

    public AlationIntegrationRequest integration() {
        return new AlationIntegrationRequest(simulator.baseUrl(), simulatorProperties.userId(),
                simulatorProperties.refreshToken(), List.of());
    }

    public List<Asset> assets() {
        SimulatedCatalog catalog = simulator.catalog();
        List<Asset> assets = new ArrayList<>();
        List<SimulatedDataSource> sources = catalog.dataSources();
        for (int i = 0; i < Math.min(6, sources.size()); i++) {
            SimulatedDataSource source = sources.get(i);
            SimulatedSchema schema = catalog.schemas(source.id()).get(0);
            List<SimulatedTable> tables = catalog.tablesInSchema(schema.id()).limit(3).toList();
            for (SimulatedTable table : tables) {
                if (table != tables.get(tables.size() - 1)) {
                    // the first two by their connection (and a multipart schema as database + schema)
                    assets.add(new Asset("demo-" + table.id(), null,
                            source.dbType().name().toLowerCase(java.util.Locale.ROOT), source.host(), source.port(),
                            schema.isMultipart() ? schema.database() : source.dbName(),
                            schema.isMultipart() ? schema.schema() : schema.name(), table.name()));
                } else {
                    // the third by the data source's title only, its schema spelled as Alation spells it
                    assets.add(new Asset("demo-" + table.id(), source.title(), null, null, null, null, schema.name(),
                            table.name()));
                }
            }
        }
        // no connection and no source: the name recurs in equally named schemas of several sources
        SimulatedSchema first = catalog.schemas(sources.get(0).id()).get(0);
        SimulatedTable common = catalog.tablesInSchema(first.id()).findFirst().orElseThrow();
        assets.add(new Asset("demo-ambiguous", null, null, null, null, null, first.name(), common.name()));
        assets.add(new Asset("demo-unmatched", null, null, null, null, null, first.name(), "no_such_table"));
        return assets;
    }
}
