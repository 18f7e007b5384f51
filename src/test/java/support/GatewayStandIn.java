package support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment gateway with Toss Payments' API shape, as a real HTTP server in the test. Each payment
 * key answers a confirm as the test scripted it (approve by default; decline, hang past the client's
 * timeout, or fail with a 500) and a status query with the status the test set (IN_PROGRESS by
 * default). It records every call and its Authorization header.
 */
public final class GatewayStandIn {
    public static final String SECRET_KEY = "test_sk_standin";

    public enum Confirm {
        APPROVE,
        DECLINE,
        HANG,
        FAIL
    }

    public record Call(String method, String path, String authorization, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile GatewayStandIn current;

    private final HttpServer server;
    private final Map<String, Confirm> confirms = new ConcurrentHashMap<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> confirmCounts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hung = new CountDownLatch(1);

    private GatewayStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/payments", this::handle);
        server.start();
    }

    /** A stand-in of its own, for a test that starts the packaged app itself; {@link #close()} it. */
    public static GatewayStandIn start() throws IOException {
        return new GatewayStandIn();
    }

    /** Stops a stand-in made by {@link #start()}. */
    public void close() {
        stop();
    }

    /** The stand-in of the running profile. */
    public static GatewayStandIn current() {
        return current;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void onConfirm(String paymentKey, Confirm behaviour) {
        confirms.put(paymentKey, behaviour);
    }

    /** What a status query answers from now on: DONE, CANCELED, ABORTED, EXPIRED, IN_PROGRESS, … */
    public void status(String paymentKey, String status) {
        statuses.put(paymentKey, status);
    }

    public int confirmCount(String paymentKey) {
        AtomicInteger count = confirmCounts.get(paymentKey);
        return count == null ? 0 : count.get();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Lets every hung confirm answer (too late for the client); later HANGs hang again. */
    public void releaseHung() {
        CountDownLatch released = hung;
        hung = new CountDownLatch(1);
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(
                exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/payments/confirm")) {
            confirm(exchange, JSON.readTree(body));
        } else if (exchange.getRequestMethod().equals("GET")) {
            String paymentKey = path.substring("/v1/payments/".length());
            Long amount = amounts.get(paymentKey);
            if (amount == null) {
                send(exchange, 404, "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}");
            } else {
                send(
                        exchange,
                        200,
                        payment(
                                paymentKey,
                                "order-" + paymentKey,
                                statuses.getOrDefault(paymentKey, "IN_PROGRESS"),
                                amount));
            }
        } else {
            send(exchange, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"no\"}");
        }
    }

    private void confirm(HttpExchange exchange, JsonNode request) throws IOException {
        String paymentKey = request.path("paymentKey").asText();
        String orderId = request.path("orderId").asText();
        long amount = request.path("amount").asLong();
        amounts.put(paymentKey, amount);
        confirmCounts.computeIfAbsent(paymentKey, k -> new AtomicInteger()).incrementAndGet();
        switch (confirms.getOrDefault(paymentKey, Confirm.APPROVE)) {
            case APPROVE -> {
                statuses.put(paymentKey, "DONE");
                send(exchange, 200, payment(paymentKey, orderId, "DONE", amount));
            }
            case DECLINE -> {
                statuses.put(paymentKey, "ABORTED");
                send(exchange, 400, "{\"code\":\"REJECT_CARD_COMPANY\",\"message\":\"the card company refused\"}");
            }
            case HANG -> {
                CountDownLatch latch = hung;
                try {
                    // far beyond the client's 1 s timeout; the test releases it when it is done
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, payment(paymentKey, orderId, "DONE", amount));
            }
            case FAIL -> send(exchange, 500, "{\"code\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\",\"message\":\"oops\"}");
        }
    }

    private static String payment(String paymentKey, String orderId, String status, long amount) {
        return "{\"mId\":\"tosspayments\",\"paymentKey\":\"" + paymentKey + "\",\"orderId\":\"" + orderId
                + "\",\"status\":\"" + status + "\",\"totalAmount\":" + amount
                + ",\"approvedAt\":\"2030-01-01T09:00:00+09:00\",\"method\":\"카드\",\"currency\":\"KRW\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection
        } finally {
            exchange.close();
        }
    }

    private void stop() {
        releaseHung();
        server.stop(0);
    }

    /**
     * Starts the stand-in for a profile and configures two providers: {@code toss} (the stand-in,
     * 1 s timeout) and {@code down} (a port nobody listens on).
     */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                current = new GatewayStandIn();
                int closedPort;
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    closedPort = socket.getLocalPort();
                }
                return Map.of(
                        "payments.providers.toss.url",
                        current.url(),
                        "payments.providers.toss.secret-key",
                        SECRET_KEY,
                        "payments.providers.toss.timeout",
                        "1s",
                        "payments.providers.down.url",
                        "http://127.0.0.1:" + closedPort,
                        "payments.providers.down.secret-key",
                        "test_sk_down",
                        "payments.providers.down.timeout",
                        "1s");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (current != null) {
                current.stop();
            }
        }
    }
}
