package io.journeyengine.api.support;

import io.journeyengine.api.JourneyApplication;
import io.journeyengine.api.config.JourneyClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real application, started as {@code java -jar} would start it, on a random port with its H2 file database in
 * a data directory the test owns, so a test can stop it and start it again on the same data.
 */
public final class RunningEngine implements AutoCloseable {

    /** The bootstrap key every test engine is started with (every role, every channel). */
    public static final String ADMIN_KEY = "test-bootstrap-key-0123456789-abcdefghijklmnop";

    private final Path dataDir;
    private List<String> properties;
    private ConfigurableApplicationContext context;

    private RunningEngine(Path dataDir, List<String> properties) {
        this.dataDir = dataDir;
        this.properties = properties;
    }

    /**
     * Delays every engine starts with unless the test sets them. Tests send touchpoints with fixed business dates
     * that the wall clock has long passed, so the real delays would abandon their carts and close their
     * conversations at moments no test chose (and more of them each day the suite is older). Tests of those
     * deadlines set the delays and move the engine's clock ({@code journey.clock.*}, {@link #clock()}).
     */
    static final List<String> QUIET_DEADLINES = List.of("journey.cart.abandon-after=P3650D",
                                                                "journey.conversation.idle-close-after=P3650D");

    public static RunningEngine start(String... properties) {
        List<String> all = new ArrayList<>(List.of("journey.security.bootstrap-key=" + ADMIN_KEY));
        all.addAll(List.of(properties));
        return startWith(all);
    }

    /** Starts without the test bootstrap key: the engine creates and prints its own. */
    public static RunningEngine startWithoutBootstrapKey(String... properties) {
        return startWith(List.of(properties));
    }

    /** {@code properties} after the defaults they do not set themselves. */
    private static List<String> withDefaults(List<String> properties) {
        List<String> all = new ArrayList<>();
        for (String fallback : QUIET_DEADLINES) {
            String key = fallback.substring(0, fallback.indexOf('=') + 1);
            if (properties.stream().noneMatch(p -> p.startsWith(key))) {
                all.add(fallback);
            }
        }
        all.addAll(properties);
        return all;
    }

    /**
     * {@code -Djourney.test.database=postgres}: every engine gets a fresh database of its own on the PostgreSQL server
     * at {@code journey.test.postgres-url} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user
     * {@code postgres}) and runs the production profile on it; otherwise the embedded H2 file in a temporary folder.
     */
    private static List<String> database(List<String> properties) {
        if (!postgresRequested()) {
            return properties;
        }
        List<String> all = new ArrayList<>(properties);
        all.add("spring.profiles.active=postgres");
        all.add("spring.datasource.url=" + freshPostgresDatabase());
        all.add("spring.datasource.username=" + postgresUser());
        all.add("spring.datasource.password=");
        return all;
    }

    /** Whether the tests run with {@code -Djourney.test.database=postgres}. */
    public static boolean postgresRequested() {
        return "postgres".equals(System.getProperty("journey.test.database"));
    }

    /** The PostgreSQL server's JDBC URL without a database name. */
    public static String postgresServer() {
        return System.getProperty("journey.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    public static String postgresUser() {
        return System.getProperty("journey.test.postgres-user", "postgres");
    }

    /**
     * Creates an empty database {@code journey_test_<run><uuid>} on the PostgreSQL server and answers its JDBC URL.
     * {@code <run>} is {@code -Djourney.test.run-id} (letters and digits, empty by default): a run that names itself
     * can drop its own databases afterwards without touching those of another run on the same server.
     */
    public static String freshPostgresDatabase() {
        String server = postgresServer();
        String run = System.getProperty("journey.test.run-id", "").toLowerCase(java.util.Locale.ROOT)
                           .replaceAll("[^a-z0-9]", "");
        String name = "journey_test_" + run + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(server + "postgres", postgresUser(), "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " cannot be reached: " + e.getMessage(), e);
        }
        return server + name;
    }

    private static RunningEngine startWith(List<String> properties) {
        try {
            Path dir = Files.createTempDirectory("journey-test-");
            RunningEngine engine = new RunningEngine(dir, database(withDefaults(properties)));
            engine.startAgain();
            return engine;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the application (again) on the same data directory. */
    public RunningEngine startAgain() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> all = new ArrayList<>(properties);
        all.add("server.port=0");
        all.add("journey.data-dir=" + dataDir.toAbsolutePath());
        all.add("spring.main.banner-mode=off");
        // As command-line arguments, so they win over application.yml like they would for java -jar.
        context = new SpringApplicationBuilder(JourneyApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
        return this;
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public RunningEngine restart() {
        stop();
        return startAgain();
    }

    /**
     * Stops and starts again on the same data with some properties changed ({@code key=value}; a key given here
     * replaces the key's earlier value), e.g. a clock that has moved on while the engine was down.
     */
    public RunningEngine restartWith(String... changed) {
        List<String> all = new ArrayList<>(properties);
        for (String property : changed) {
            String key = property.substring(0, property.indexOf('=') + 1);
            all.removeIf(p -> p.startsWith(key));
            all.add(property);
        }
        properties = all;
        return restart();
    }

    /** A client holding the bootstrap key. */
    public Api api() {
        return api(ADMIN_KEY);
    }

    /** A client holding {@code key}, or none when null. */
    public Api api(String key) {
        return new Api("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"), key);
    }

    public Api anonymous() {
        return api(null);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The engine's clock; started with {@code journey.clock.adjustable=true}, a test moves it instead of sleeping. */
    public JourneyClock clock() {
        return (JourneyClock) context.getBean(Clock.class);
    }

    /** The engine's own database, for counting what was written; never used to change anything. */
    public JdbcTemplate database() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Whether this engine runs on PostgreSQL (the production profile) rather than the embedded H2. */
    public boolean onPostgres() {
        String product = database().execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData()
                                                                              .getDatabaseProductName());
        return "PostgreSQL".equals(product);
    }

    public long eventCount(String customerId) {
        Long n = database().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                           Long.class, customerId);
        return n == null ? 0 : n;
    }

    public long totalEvents() {
        Long n = database().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        stop();
    }
}
