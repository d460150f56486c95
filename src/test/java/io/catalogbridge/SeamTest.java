package io.catalogbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seam of design.md's "Catalog wings": no core source file names a catalog. The core is every file under
 * {@code src/main/java}, {@code src/main/resources} and {@code routes/} except a wing's own: its folders
 * {@code routes/<catalog>/} and {@code io/catalogbridge/<catalog>/}, its SQL files ({@code sql/<catalog>-*.sql}),
 * the configuration files ({@code application*.yaml}) and the migrations ({@code db/migration/}). Docs and tests are
 * not source of the core (a wing's tests name their catalog).
 *
 * <p>A mapping job's per-asset outcomes are stored neutrally (a mapping as its catalog's JSON, candidates as a JSON
 * array of the catalog's ids), and the job's report reads a mapping back into the wing's type
 * ({@code mapping.JobMappings}), so the core names no catalog whatever the catalog's ids are.
 */
class SeamTest {

    static final List<String> CATALOGS = List.of("alation", "openmetadata");

    private static final Pattern NAMES_A_CATALOG = Pattern.compile(String.join("|", CATALOGS));

    @Test
    void noCoreFileNamesACatalog() {
        assertThat(offenders()).isEmpty();
    }

    @Test
    void theSeamTestReadsTheCoreAndSkipsTheWings() {
        assertThat(isCore("src/main/java/io/catalogbridge/matching/AssetMatcher.java")).isTrue();
        assertThat(isCore("routes/mapping/auto-mapping.camel.yaml")).isTrue();
        assertThat(isCore("src/main/resources/sql/mapping-job-insert.sql")).isTrue();
        assertThat(isCore("src/main/java/io/catalogbridge/alation/AlationMatcher.java")).isFalse();
        assertThat(isCore("src/main/java/io/catalogbridge/openmetadata/OpenMetadataTable.java")).isFalse();
        assertThat(isCore("routes/alation/auto-mapping.camel.yaml")).isFalse();
        assertThat(isCore("routes/openmetadata/listing.camel.yaml")).isFalse();
        assertThat(isCore("src/main/resources/sql/alation-mapping-upsert.sql")).isFalse();
        assertThat(isCore("src/main/resources/sql/openmetadata-mapping-upsert.sql")).isFalse();
        assertThat(isCore("src/main/resources/db/migration/V6__mapping_job_catalog.sql")).isFalse();
        assertThat(isCore("src/main/resources/application-demo.yaml")).isFalse();
        assertThat(isCore("routes/alation/demo/demo-tenant.camel.yaml")).isFalse();
    }

    /** The core files that name a catalog, case-insensitively, as paths from the project's folder. */
    static List<String> offenders() {
        try (Stream<Path> files = Stream.of("src/main/java", "src/main/resources", "routes")
                .map(Path::of)
                .filter(Files::isDirectory)
                .flatMap(SeamTest::walk)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> path.toString().replace('\\', '/'))
                    .filter(SeamTest::isCore)
                    .filter(path -> NAMES_A_CATALOG.matcher(read(path).toLowerCase(Locale.ROOT)).find())
                    .sorted()
                    .toList();
        }
    }

    static boolean isCore(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith("application") && name.endsWith(".yaml")
                || path.startsWith("src/main/resources/db/migration/")) {
            return false;
        }
        for (String catalog : CATALOGS) {
            if (path.startsWith("routes/" + catalog + "/")
                    || path.startsWith("src/main/java/io/catalogbridge/" + catalog + "/")
                    || path.startsWith("src/main/resources/sql/" + catalog + "-")) {
                return false;
            }
        }
        return true;
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
