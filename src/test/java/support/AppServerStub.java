package support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The membership app server, as a real HTTP server in the test (docs/sync.md's contract): it
 * records every batch it is sent, accepts the records of its members (users whose id starts with
 * {@link #MEMBER_PREFIX}, unless the test says otherwise), and can be told to answer the next
 * requests with an error status, too late, or not until the test releases it.
 */
public final class AppServerStub implements AutoCloseable {
    public static final String TOKEN = "test-app-server-token";
    public static final String MEMBER_PREFIX = "member-";
    /** {@link Received#answered()} of a request held by {@link #holdNext()}, whose answer may never have arrived. */
    public static final int HELD = -1;

    /** One batch as received: its id, section, the raw records, and the status answered (0: answered too late). */
    public record Received(String batchId, String section, List<JsonNode> records, int answered) {
        public List<String> reservationIds() {
            return records.stream().map(r -> r.get("reservationId").asText()).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Predicate<JsonNode> member = r -> r.get("userId").asText().startsWith(MEMBER_PREFIX);
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 500;
    private final AtomicInteger slowNext = new AtomicInteger();
    private volatile Duration slowBy = Duration.ZERO;
    // a slow answer waits slowBy, or until the test resets the stub (nothing is left hanging after a test)
    private volatile CountDownLatch slowEnd = new CountDownLatch(1);
    private final AtomicInteger holdNext = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    public AppServerStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/sync/records", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "app-server-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Which records the server accepts (its members). */
    public void members(Predicate<JsonNode> member) {
        this.member = member;
    }

    /** The next {@code n} requests are answered with {@code status} and nothing is stored. */
    public void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    /** The next {@code n} requests are answered after {@code by} (longer than the client waits: a timeout). */
    public void slowNext(int n, Duration by) {
        slowBy = by;
        slowNext.set(n);
    }

    /** The next request is recorded, then not answered until {@link #release()} (the test may kill the caller meanwhile). */
    public void holdNext() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdNext.set(1);
    }

    /** Waits until a held request has arrived. */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no request reached the app server stub within " + timeout);
        }
    }

    public void release() {
        release.countDown();
    }

    /** Every batch received so far, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Forgets what was received and every instruction; members are the default ones again. */
    public void reset() {
        received.clear();
        failNext.set(0);
        slowNext.set(0);
        holdNext.set(0);
        release.countDown();
        CountDownLatch ended = slowEnd;
        slowEnd = new CountDownLatch(1);
        ended.countDown();
        member = r -> r.get("userId").asText().startsWith(MEMBER_PREFIX);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            List<JsonNode> records = new ArrayList<>();
            body.get("records").forEach(records::add);
            String batchId = body.get("batchId").asText();
            String section = body.get("section").asText();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                received.add(new Received(batchId, section, records, failStatus));
                respond(exchange, failStatus, "{\"error\":\"stub told to fail\"}");
                return;
            }
            if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                received.add(new Received(batchId, section, records, 0));
                awaitQuietly(slowEnd, slowBy);
                respond(exchange, 200, answer(records));
                return;
            }
            if (holdNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // stored, but the answer is late: the caller may time out, or be killed, meanwhile
                received.add(new Received(batchId, section, records, HELD));
                held.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                received.add(new Received(batchId, section, records, 200));
            }
            respond(exchange, 200, answer(records));
        } catch (IOException | RuntimeException e) {
            // the caller went away (killed, timed out): nothing to answer
        }
    }

    private String answer(List<JsonNode> records) {
        StringBuilder ids = new StringBuilder();
        for (JsonNode record : records) {
            if (member.test(record)) {
                ids.append(ids.isEmpty() ? "" : ",")
                        .append('"')
                        .append(record.get("reservationId").asText())
                        .append('"');
            }
        }
        return "{\"accepted\":[" + ids + "]}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
