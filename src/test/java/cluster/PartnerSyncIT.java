package cluster;

import static cluster.Cluster.call;
import static cluster.Cluster.createConcert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import support.AppServerStub;
import support.Db;
import support.TestInfrastructure;
import support.Tokens;

/**
 * The partner sync across processes of the packaged application on one database and one Redis:
 * two instances triggered at once run it once, and an instance killed between the app server's
 * POST and the page's commit loses nothing: the page is sent again, with the same batchId.
 */
class PartnerSyncIT {
    private static final String DATABASE =
            "cb_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "cb-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final String RUN = "/api/v1/admin/jobs/partner-sync";
    private static AppServerStub stub;
    private static Map<String, String> config;
    private static AppInstance a;
    private static AppInstance b;
    private static long schedule;
    private static int nextSeat = 1;

    @BeforeAll
    static void start() throws Exception {
        TestInfrastructure.createDatabase(DATABASE);
        stub = new AppServerStub();
        config = Cluster.config(DATABASE, PREFIX);
        config.put("sync.app-server.url", stub.url());
        config.put("sync.app-server.token", AppServerStub.TOKEN);
        // no scheduled runs: the test triggers each one
        config.put("sync.every", "off");
        // a held answer must outlast the test's steps (the client waits this long), and is not retried
        config.put("sync.app-server.timeout", "60s");
        config.put("sync.app-server.retries", "0");
        config.put("sync.batch-size", "5");
        a = AppInstance.start("sync-a", config);
        b = AppInstance.start("sync-b", config);
        schedule = createConcert(a, 30)[1];
    }

    @AfterAll
    static void stop() throws Exception {
        if (stub != null) {
            stub.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        TestInfrastructure.dropDatabase(DATABASE);
        TestInfrastructure.deleteRedisKeys(PREFIX);
    }

    @Test
    void twoInstancesTriggeredAtOnceRunItOnce() throws Exception {
        List<String> ids = reservations(3);
        stub.reset();
        stub.holdNext();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> trigger(a));
        stub.awaitHeld(Duration.ofSeconds(30));
        HttpResponse<String> second = trigger(b);
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(second.body().contains("\"outcome\":\"RUNNING_ELSEWHERE\""), second.body());
        stub.release();
        HttpResponse<String> ran = first.get();
        assertTrue(ran.body().contains("\"outcome\":\"RAN\""), ran.body());
        assertEquals(ids.size(), receivedOf(ids), "each record sent once, by one instance");
        assertEquals(ids.size(), trackedOf(ids));
    }

    @Test
    void anInstanceKilledBetweenThePostAndTheCommitLosesNothing() throws Exception {
        List<String> ids = reservations(4);
        stub.reset();
        stub.holdNext();
        AppInstance victim = AppInstance.start("sync-victim", config);
        CompletableFuture.runAsync(() -> trigger(victim));
        stub.awaitHeld(Duration.ofSeconds(30));
        String batchId = stub.received().getFirst().batchId();
        victim.kill(); // the app server has the page; our commit never happens
        stub.release();
        assertEquals(0, trackedOf(ids), "the page's transaction died with the process");

        // the killed run's lease ends by itself after its TTL; the test does not wait that long
        TestInfrastructure.deleteRedisKeys(PREFIX + "job-lease:partner-sync");
        HttpResponse<String> rerun = trigger(b);
        assertTrue(rerun.body().contains("\"outcome\":\"RAN\""), rerun.body());
        List<AppServerStub.Received> pages = stub.received();
        assertEquals(2, pages.size(), "the held page, then the same page again: " + pages);
        assertEquals(batchId, pages.get(1).batchId(), "the same batchId, so the server can drop the repeat");
        assertEquals(pages.get(0).reservationIds(), pages.get(1).reservationIds());
        assertEquals(200, pages.get(1).answered());
        assertEquals(ids.size(), trackedOf(ids), "every record tracked once");
        assertEquals(
                1,
                Db.countIn(
                        DATABASE,
                        "SELECT count(*) FROM partner_sync_run WHERE status = 'FAILED' AND failure LIKE 'abandoned%'"),
                "the killed run is closed as abandoned");

        stub.reset();
        HttpResponse<String> quiet = trigger(b);
        assertTrue(quiet.body().contains("\"sent\":0"), quiet.body());
    }

    private static HttpResponse<String> trigger(AppInstance app) {
        return call(app, "POST", RUN, Tokens.admin(), Map.of(), null);
    }

    /** Members' holds inserted straight into the main tables (what the sync reads), committed. */
    private static List<String> reservations(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(DATABASE), "postgres", "")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                int seat = nextSeat++;
                long seatId;
                long concert;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT s.id, sc.concert_id FROM seat s JOIN schedule sc ON sc.id = s.schedule_id"
                                + " WHERE s.schedule_id = ? AND s.number = ?")) {
                    s.setLong(1, schedule);
                    s.setInt(2, seat);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        seatId = rs.getLong(1);
                        concert = rs.getLong(2);
                    }
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                                                 expires_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 1000, 'HELD', ?, ?, ?)""")) {
                    s.setObject(1, id);
                    s.setString(2, AppServerStub.MEMBER_PREFIX + UUID.randomUUID());
                    s.setLong(3, concert);
                    s.setLong(4, schedule);
                    s.setLong(5, seatId);
                    s.setInt(6, seat);
                    s.setObject(7, now.plusMinutes(5));
                    s.setObject(8, now);
                    s.setObject(9, now);
                    s.executeUpdate();
                }
                ids.add(id.toString());
            }
        }
        awaitSettled(ids);
        return ids;
    }

    /** Until the inserting transactions are older than every running one (what the sync waits for). */
    private static void awaitSettled(List<String> ids) {
        Instant deadline = Instant.now().plusSeconds(60);
        String list = String.join("','", ids);
        while (Db.countIn(
                        DATABASE,
                        "SELECT count(*) FROM reservation WHERE id IN ('" + list
                                + "') AND sync_xid < pg_snapshot_xmin(pg_current_snapshot())")
                < ids.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("reservations not settled in time");
            }
            Thread.onSpinWait();
        }
    }

    private static long receivedOf(List<String> ids) {
        return stub.received().stream()
                .flatMap(p -> p.reservationIds().stream())
                .filter(ids::contains)
                .count();
    }

    private static long trackedOf(List<String> ids) {
        return Db.countIn(
                DATABASE,
                "SELECT count(*) FROM partner_sync_tracked WHERE reservation_id IN ('" + String.join("','", ids)
                        + "')");
    }
}
