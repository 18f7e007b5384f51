package support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test run its own PostgreSQL database and Redis key prefix on the real local servers
 * (no containers), reached through {@link TcpProxy}s so a test can simulate an outage.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {
    public static final String PG_HOST = System.getProperty("test.pg.host", "127.0.0.1");
    public static final int PG_PORT = Integer.getInteger("test.pg.port", 5432);
    public static final String REDIS_HOST = System.getProperty("test.redis.host", "127.0.0.1");
    public static final int REDIS_PORT = Integer.getInteger("test.redis.port", 6379);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    public static final String DATABASE = "cb_test_" + RUN;
    public static final String KEY_PREFIX = "cb-test-" + RUN + ":";

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    /** Signs queue tokens; the prod profile (packaged ITs) has no default. */
    public static final String QUEUE_TOKEN_SECRET = "it-queue-token-secret-0123456789abcdefghij";

    /**
     * The two PostgreSQL roles of the service, as scripts/db-roles.sql makes them: the owner runs the
     * migrations, the app (DML only, no DDL, not superuser) is what the application connects as.
     * Cluster-wide and shared by every run (created idempotently); each run's database is owned by OWNER_ROLE.
     */
    public static final String OWNER_ROLE = "cb_test_owner";

    public static final String APP_ROLE = "cb_test_app";

    private static int managementPort;
    private static TcpProxy postgresProxy;
    private static TcpProxy redisProxy;
    private static EventReceiver eventReceiver;
    private static java.nio.file.Path reconciliationInbox;

    /**
     * The same run with nothing optional set up: no reconciliation provider (for a profile that also
     * leaves out the global test resources, so no partner sync and no payment gateway either).
     */
    public static final class Unconfigured extends TestInfrastructure {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new java.util.HashMap<>(super.start());
            config.keySet().removeIf(name -> name.startsWith("reconciliation.providers."));
            return config;
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            createDatabase(DATABASE);
            postgresProxy = new TcpProxy(PG_HOST, PG_PORT);
            redisProxy = new TcpProxy(REDIS_HOST, REDIS_PORT);
            eventReceiver = new EventReceiver();
            reconciliationInbox = java.nio.file.Files.createTempDirectory("cb-test-inbox-" + RUN);
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                managementPort = socket.getLocalPort();
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL must run on " + PG_HOST + ":" + PG_PORT + " (scripts/services.sh starts it)", e);
        }
        Map<String, String> config = new java.util.HashMap<>(databaseRoles());
        // health and metrics: a free management port per run, for @QuarkusTest (test-port) and for the
        // packaged app (@QuarkusIntegrationTest runs the prod profile, which would take the fixed 9000)
        config.put("quarkus.management.test-port", String.valueOf(managementPort));
        config.put("quarkus.management.port", String.valueOf(managementPort));
        config.putAll(Map.ofEntries(
                Map.entry(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/" + DATABASE),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:" + redisProxy.port()),
                Map.entry("queue.redis.key-prefix", KEY_PREFIX),
                // no key is packaged or committed: this run's pair (Tokens), its public half as a file
                Map.entry(
                        "mp.jwt.verify.publickey.location",
                        Tokens.publicKeyFile().toString()),
                Map.entry("mp.jwt.verify.issuer", Tokens.ISSUER),
                // 1 s of grace after exp (default 60 s; 0 means the default), so a test can watch a token die
                Map.entry("mp.jwt.verify.clock.skew", "1"),
                Map.entry("queue.token-secret", QUEUE_TOKEN_SECRET),
                // the data platform's receiver is a real HTTP server in the test
                Map.entry("events.webhook.url", eventReceiver.url()),
                Map.entry("events.webhook.secret", WEBHOOK_SECRET),
                Map.entry("events.webhook.timeout", "1s"),
                Map.entry("events.relay.max-attempts", "3"),
                // the PGs' daily files: a directory of this run, two providers with different layouts
                Map.entry("reconciliation.inbox", reconciliationInbox.toString()),
                Map.entry("reconciliation.providers.toss.fee-bps", "320"),
                Map.entry("reconciliation.providers.kcp.fee-bps", "250")));
        // ticket codes: this run's signing key as a file, and an older key it still accepts
        config.putAll(TicketKeys.settings());
        return config;
    }

    @Override
    public void stop() {
        try {
            if (postgresProxy != null) {
                postgresProxy.close();
            }
            if (redisProxy != null) {
                redisProxy.close();
            }
            if (eventReceiver != null) {
                eventReceiver.stop();
            }
            dropDatabase(DATABASE);
            deleteRedisKeys(KEY_PREFIX);
        } catch (IOException | SQLException e) {
            System.err.println("test clean-up failed: " + e);
        }
    }

    /**
     * Least privilege: the app as the DML-only role, Flyway as the owner. The local cluster trusts
     * 127.0.0.1, so the passwords only make Quarkus use these users (Flyway needs user and password).
     */
    public static Map<String, String> databaseRoles() {
        return Map.of(
                "quarkus.datasource.username", APP_ROLE,
                "quarkus.datasource.password", APP_ROLE,
                "quarkus.flyway.username", OWNER_ROLE,
                "quarkus.flyway.password", OWNER_ROLE);
    }

    /** The management interface's port of this run's application (health, metrics). */
    public static int managementPort() {
        return managementPort;
    }

    public static TcpProxy postgresProxy() {
        return postgresProxy;
    }

    public static EventReceiver eventReceiver() {
        return eventReceiver;
    }

    public static java.nio.file.Path reconciliationInbox() {
        return reconciliationInbox;
    }

    public static TcpProxy redisProxy() {
        return redisProxy;
    }

    public static String adminJdbcUrl() {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    /** A database owned by {@link #OWNER_ROLE}, which only {@link #APP_ROLE} (and the owner) may connect to. */
    public static void createDatabase(String name) throws SQLException {
        createRoles();
        try (Connection c = DriverManager.getConnection(adminJdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + OWNER_ROLE);
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + APP_ROLE);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(name), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP_ROLE);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER_ROLE
                    + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + APP_ROLE);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER_ROLE
                    + " IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + APP_ROLE);
        }
    }

    /**
     * Creates the two roles if they are missing. Several runs on one machine may race here: a role
     * created by another run in between ("already exists", or a unique violation on pg_authid) is fine.
     */
    public static synchronized void createRoles() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminJdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            for (String role : new String[] {OWNER_ROLE, APP_ROLE + " NOINHERIT"}) {
                s.execute("DO $$ BEGIN CREATE ROLE " + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                        + "; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            }
        }
    }

    /** Whether {@code database} has a table of that name in its public schema. */
    public static boolean tableExists(String database, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                java.sql.PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, "public." + table);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    public static void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminJdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Deletes this run's keys with a small Lua loop over SCAN, speaking RESP directly. */
    public static void deleteRedisKeys(String prefix) throws IOException {
        String script = "local c = '0' repeat local r = redis.call('SCAN', c, 'MATCH', ARGV[1], 'COUNT', 1000) "
                + "c = r[1] for _, k in ipairs(r[2]) do redis.call('DEL', k) end until c == '0' return 0";
        String[] args = {"EVAL", script, "0", prefix + "*"};
        StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            command.append('$')
                    .append(arg.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(arg)
                    .append("\r\n");
        }
        try (Socket socket = new Socket(REDIS_HOST, REDIS_PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            in.read(new byte[64]);
        }
    }
}
