package cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import support.Http;
import support.TestInfrastructure;
import support.TicketKeys;
import support.Tokens;

/** What every test that starts the packaged application itself ({@link AppInstance}) shares. */
final class Cluster {
    private Cluster() {}

    /**
     * The settings a prod-profile instance needs on this run's stores: its own database (as the
     * least-privilege role, migrations as the owner), Redis key prefix, the run's JWT key and issuer,
     * the queue-token secret, the ticket-signing keys, a job trigger secret ({@code it-secret}) and an
     * empty reconciliation inbox. Mutable: a test adds its own.
     */
    static Map<String, String> config(String database, String prefix) throws IOException {
        Map<String, String> config = new HashMap<>(TestInfrastructure.databaseRoles());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put(
                "quarkus.redis.hosts",
                "redis://" + TestInfrastructure.REDIS_HOST + ":" + TestInfrastructure.REDIS_PORT);
        config.put("queue.redis.key-prefix", prefix);
        config.put("mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        config.put("queue.token-secret", TestInfrastructure.QUEUE_TOKEN_SECRET);
        config.putAll(TicketKeys.settings());
        config.put("jobs.trigger-secret", "it-secret");
        config.put(
                "reconciliation.inbox", Files.createTempDirectory("cb-it-inbox").toString());
        config.put("reconciliation.providers.toss.fee-bps", "320");
        return config;
    }

    static HttpResponse<String> call(
            AppInstance app, String method, String path, String bearer, Map<String, String> headers, String body) {
        return Http.send(app.base(), method, path, bearer, headers, body);
    }

    /** A top-level field of a JSON body, as text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)\"?").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A concert with one schedule of {@code seats} seats at 1,000 KRW, 30 days ahead: {concert, schedule}. */
    static long[] createConcert(AppInstance app, int seats) {
        HttpResponse<String> created = call(
                app,
                "POST",
                "/api/v1/admin/concerts",
                Tokens.admin(),
                Map.of(),
                "{\"title\":\"IT\",\"schedules\":[{\"startsAt\":\""
                        + Instant.now().plus(Duration.ofDays(30)) + "\",\"seatCount\":" + seats + ",\"price\":1000}]}");
        assertEquals(201, created.statusCode(), created.body());
        Matcher ids = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        ids.find();
        long concert = Long.parseLong(ids.group(1));
        ids.find();
        return new long[] {concert, Long.parseLong(ids.group(1))};
    }
}
