package io.catalogbridge.reliability;

import static org.awaitility.Awaitility.await;

import io.catalogbridge.ServiceClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service processes started from the packaged jar on one embedded PostgreSQL of their own, as replicas behind a load
 * balancer, for the integration tests that kill one (run by failsafe, after {@code package}). Each logs to
 * {@code target/<name>.log}. Closing stops the processes, then the database.
 */
final class ServiceReplicas implements AutoCloseable {

    static final String KEY = "replica-test-key";

    /** A running replica: its name (the job engine's scheduler name), port and process. */
    record Replica(String name, int port, Process process) {

        HttpResponse<String> call(String method, String path, String body) {
            return new ServiceClient(port, KEY).call(method, path, body);
        }

        /** Kills the process with SIGKILL, as a crashed machine or an OOM killer would, and waits for it. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;
    private final String encryptionKey = Base64.getEncoder().encodeToString(new byte[32]);
    private final List<Process> processes = new ArrayList<>();

    /** Starts the replicas' PostgreSQL; no replica runs yet. */
    ServiceReplicas() throws IOException {
        this.postgres = EmbeddedPostgres.builder().start();
        this.jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The replicas' database, as the tests read it. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** Starts a replica with the given extra settings ({@code --name=value}) and waits until it is healthy. */
    Replica start(String name, String... settings) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", serviceJar().getPath(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--catalog-bridge.encryption.key=" + encryptionKey,
                "--catalog-bridge.security.admin-key=" + KEY,
                "--catalog-bridge.alation.allow-http=true",
                "--db-scheduler.scheduler-name=" + name));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile()).start();
        processes.add(process);
        Replica replica = new Replica(name, port, process);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> replica.call("GET", "/actuator/health", null).statusCode() == 200);
        return replica;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
        postgres.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static File serviceJar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("catalog-bridge-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run after package: no jar in target/"))
                    .toFile();
        }
    }
}
