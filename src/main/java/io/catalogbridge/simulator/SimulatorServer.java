package io.catalogbridge.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator's HTTP plumbing: the JDK's HTTP server on a fixed pool of daemon threads, answers sent with a
 * Content-Length or streamed chunked as they are generated, request bodies read up to a bound, and the injected
 * latency slept.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final int MAX_REQUEST_BODY = 64 * 1024;

    static {
        // Without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK hold small answers back ~40 ms each.
        // The JDK server reads this once, when it first starts: it has to be set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** One answer, decided before anything is sent; {@code bytes} null means a listing streamed by writeStream. */
    public interface Response {
        int status();

        String contentType();

        Map<String, String> headers();

        byte[] bytes();

        void writeStream(OutputStream out) throws IOException;
    }

    private final ExecutorService executor;
    private final HttpServer server;

    private SimulatorServer(String bindAddress, int port, int threads, String threadName, HttpHandler handler)
            throws IOException {
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads(threadName));
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /** Starts serving every path with {@code handler}; threads are named {@code threadName-1}, {@code -2}, ... */
    public static SimulatorServer start(String bindAddress, int port, int threads, String threadName,
                                        HttpHandler handler) throws IOException {
        return new SimulatorServer(bindAddress, port, threads, threadName, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}, without a trailing slash; a wildcard bind address is reached as localhost. */
    public String baseUrl() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "localhost"
                : server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        byte[] bytes = response.bytes();
        if (bytes == null) {
            exchange.sendResponseHeaders(response.status(), 0); // chunked: the listing is written as it is generated
            response.writeStream(exchange.getResponseBody());
            return;
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    public static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return body.readNBytes(MAX_REQUEST_BODY);
        }
    }

    /**
     * The body of a request that may be large (a simulator's writes), or null when it is longer than {@code limit}
     * bytes: the simulator answers 413 then, where the bounded {@link #readBody(HttpExchange)} would cut it short.
     */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    /** Sleeps the injected latency; an interrupt ends the sleep and stays set. */
    public static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true); // a simulator left open must not keep a test JVM alive
            return thread;
        };
    }
}
