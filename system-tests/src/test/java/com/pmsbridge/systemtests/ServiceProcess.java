package com.pmsbridge.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as its own JVM process on loopback. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private Process process;
    private final Path log;

    private ServiceProcess(
            String name, int port, int managementPort, Map<String, String> environment, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = environment;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String module, Map<String, String> environment) {
        return start(module, environment, freePort());
    }

    static ServiceProcess start(String module, Map<String, String> environment, int port) {
        return start(module, module, environment, port);
    }

    /** Another instance of a module, logging to {@code target/<logName>.log}. */
    static ServiceProcess start(String module, String logName, Map<String, String> environment) {
        return start(module, logName, environment, freePort());
    }

    private static ServiceProcess start(String module, String logName, Map<String, String> environment, int port) {
        int managementPort = freePort();
        Path log = Path.of("target", logName + ".log");
        return new ServiceProcess(
                module,
                port,
                managementPort,
                environment,
                launch(module, port, managementPort, environment, log, false),
                log);
    }

    /** Stops the process (SIGTERM) and leaves it stopped until {@link #startAgain()}. */
    public void stop() {
        close();
    }

    /** Starts a stopped process again on the same ports and waits until it is ready. */
    public void startAgain() {
        if (!process.isAlive()) {
            process = launch(name, port, managementPort, environment, log, true);
        }
        awaitReady();
    }

    /** The operating system's id of the running process. */
    long pid() {
        return process.pid();
    }

    /** Kills the process the hard way (SIGKILL, no shutdown hooks) and leaves it dead. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process the hard way (SIGKILL, no shutdown hooks), then starts it again on the same port. */
    void killAndRestart() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = launch(name, port, managementPort, environment, log, true);
    }

    private static Process launch(
            String module, int port, int managementPort, Map<String, String> environment, Path log, boolean append) {
        Path root = Path.of(System.getProperty("pms.services.dir", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package the services first (./mvnw verify builds them)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        append
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics are served here, not on {@link #baseUrl()}. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    void awaitReady() {
        await(name + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
                    }
                    try {
                        HttpResponse<Void> response = HTTP.send(
                                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /**
     * Saves what the service exports at {@code /q/metrics} as {@code <dir>/<module>.prom}: the offline checks
     * (deploy/checks) verify that every metric an alert reads is really exported.
     */
    void captureMetrics(Path dir) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".prom"), response.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
