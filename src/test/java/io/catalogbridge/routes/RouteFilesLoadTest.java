package io.catalogbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.spi.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every file under routes/ is loaded into the running context: none is skipped by the include pattern or broken. */
class RouteFilesLoadTest extends ApiTestSupport {

    @Autowired
    CamelContext camelContext;

    @Test
    void everyRouteFileUnderRoutesIsLoaded() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            // a wing's demo/ folder belongs to the demo profile: DemoProfileTest and OpenMetadataDemoProfileTest hold them
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")
                            && !p.getParent().getFileName().toString().equals("demo"))
                    .map(p -> p.toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).isNotEmpty();

        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        Set<String> loaded = new TreeSet<>();
        Stream.of(model.getRouteDefinitions().stream().map(r -> r.getResource()),
                        model.getRestDefinitions().stream().map(r -> r.getResource()),
                        model.getRouteConfigurationDefinitions().stream().map(r -> r.getResource()))
                .flatMap(s -> s)
                .filter(r -> r != null)
                .map(Resource::getLocation)
                .map(location -> location.substring(location.indexOf("routes/")))
                .forEach(loaded::add);

        assertThat(loaded).isEqualTo(files);
    }

    @Test
    void everyRouteHasADescription() {
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        assertThat(model.getRouteDefinitions())
                .filteredOn(r -> r.getResource() != null && !Boolean.TRUE.equals(r.isRest()))
                .allSatisfy(r -> assertThat(r.getDescription()).as(r.getRouteId()).isNotBlank());
    }
}
