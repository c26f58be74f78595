package io.journeyengine.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One engine node as its own operating-system process ({@code java io.journeyengine.api.JourneyApplication}, the
 * test's class path), on a PostgreSQL database that other nodes share: what several nodes behind a load balancer
 * are, and what {@code kill -9} can kill. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final String databaseUrl;
    private final List<String> extraProperties;
    private final Path log;
    private Process process;
    private int port;

    private NodeProcess(String name, String databaseUrl, List<String> extraProperties) {
        this.name = name;
        this.databaseUrl = databaseUrl;
        this.extraProperties = extraProperties;
        this.log = Path.of("target", "nodes", name + "-" + System.currentTimeMillis() + ".log");
    }

    /** Starts a node on {@code databaseUrl} and waits until it answers as a member of the cluster. */
    public static NodeProcess start(String name, String databaseUrl, String... properties) {
        NodeProcess node = new NodeProcess(name, databaseUrl, List.of(properties));
        node.launch();
        return node;
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true",
                    "-cp", classPath(), "io.journeyengine.api.JourneyApplication"));
            List<String> properties = new ArrayList<>(RunningEngine.QUIET_DEADLINES);
            properties.addAll(List.of("server.port=" + port,
                                      "spring.profiles.active=postgres",
                                      "spring.datasource.url=" + databaseUrl,
                                      "spring.datasource.username=" + RunningEngine.postgresUser(),
                                      "spring.datasource.password=",
                                      "journey.security.bootstrap-key=" + RunningEngine.ADMIN_KEY,
                                      "journey.data-dir=" + Files.createTempDirectory("journey-node-"),
                                      "spring.main.banner-mode=off"));
            properties.addAll(extraProperties);
            properties.forEach(p -> command.add("--" + p));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                                                 .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                 .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + name, e);
        }
        await(name + " to start (log " + log.toAbsolutePath() + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                                                                + log.toAbsolutePath());
                    }
                    return answers();
                });
    }

    private boolean answers() {
        try {
            return api().get("/api/admin/nodes").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /** Surefire runs the tests from a manifest-only jar; it names the real class path in its own property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return Api.at(base(), RunningEngine.ADMIN_KEY);
    }

    /** The node's id in token_entry and journey_node, as it reports it itself. */
    public String nodeId() {
        JsonNode nodes = api().get("/api/admin/nodes").json();
        return nodes.path("answeredBy").asText();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no released claim, no flushed buffer; what a power cut leaves. */
    public void kill() {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -9 " + process.pid() + " failed");
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived kill -9");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the node again on the same database (a new process, so a new node id). */
    public NodeProcess restart() {
        if (isAlive()) {
            stop();
        }
        launch();
        return this;
    }

    /** A clean stop (SIGTERM): Spring's graceful shutdown releases the node's claims. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public File log() {
        return log.toFile();
    }

    @Override
    public void close() {
        stop();
    }
}
