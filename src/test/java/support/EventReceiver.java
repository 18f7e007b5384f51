package support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data platform's receiver, as a real HTTP server in the test: it records every batch, checks
 * nothing itself, and answers as the test tells it (accept, refuse, hang, refuse some ids, or be
 * absent altogether).
 */
public final class EventReceiver {
    public enum Mode {
        ACCEPT,
        REFUSE,
        HANG
    }

    public record Delivery(String contentType, String signature, String body, List<String> ids) {}

    private static final Pattern EVENT_ID = Pattern.compile("\"specversion\":\"1\\.0\",\"id\":\"([0-9a-f-]{36})\"");

    private final int port;
    private HttpServer server;
    private volatile Mode mode = Mode.ACCEPT;
    private volatile java.util.concurrent.CountDownLatch hang = new java.util.concurrent.CountDownLatch(0);
    private final Set<String> refusedIds = ConcurrentHashMap.newKeySet();
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean sawConcurrentDuplicate;

    public EventReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        port = server.getAddress().getPort();
        configure();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/events";
    }

    public void mode(Mode mode) {
        if (mode == Mode.HANG) {
            hang = new java.util.concurrent.CountDownLatch(1);
        } else {
            hang.countDown();
        }
        this.mode = mode;
    }

    public void refuse(String eventId) {
        refusedIds.add(eventId);
    }

    public void acceptAll() {
        refusedIds.clear();
        mode(Mode.ACCEPT);
    }

    public void clear() {
        deliveries.clear();
        sawConcurrentDuplicate = false;
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Every id received, in arrival order (an id delivered twice appears twice). */
    public List<String> receivedIds() {
        return deliveries().stream().flatMap(d -> d.ids().stream()).toList();
    }

    /** Whether any id ever arrived while a request carrying it was still being handled. */
    public boolean sawConcurrentDuplicate() {
        return sawConcurrentDuplicate;
    }

    /** The receiver goes away: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        configure();
    }

    private void configure() {
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            Matcher m = EVENT_ID.matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            for (String id : ids) {
                if (!inFlight.add(id)) {
                    sawConcurrentDuplicate = true;
                }
            }
            try {
                deliveries.add(new Delivery(
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Webhook-Signature"),
                        body,
                        ids));
                Mode now = mode;
                if (now == Mode.HANG) {
                    try {
                        // hangs until the test changes the mode (at most 3 s, beyond the relay's 1 s timeout)
                        hang.await(3, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (now != Mode.ACCEPT) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                List<String> accepted =
                        ids.stream().filter(id -> !refusedIds.contains(id)).toList();
                byte[] answer = ("{\"accepted\":["
                                + String.join(
                                        ",",
                                        accepted.stream()
                                                .map(id -> "\"" + id + "\"")
                                                .toList()) + "]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } finally {
                ids.forEach(inFlight::remove);
            }
        });
        server.start();
    }
}
