import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training workload of scripts/aot-train.sh (JDK 25 AOT cache, JEP 483/515): drives the service the
 * way an on-sale does, over HTTP, so the training run loads, links and profiles the code a real instance
 * runs in its first minute. Needs only a JDK (or a JRE with the class compiled: the image build compiles
 * it in its JDK stage), no curl, no wrk, no openssl.
 *
 * <pre>
 *   java scripts/AotTrain.java keys &lt;dir&gt;
 *       writes a throwaway RS256 pair (jwt-private.pem, jwt-public.pem) and an Ed25519 ticket-signing key
 *       (ticket-signing.pem) for the training run: nothing of them ends up in the cache
 *   java scripts/AotTrain.java run &lt;base-url&gt; &lt;jwt-private.pem&gt; &lt;seconds&gt; [workers]
 *       the workload, for that many seconds with that many concurrent fans (default 16):
 *       - three fans in four enter a waiting room (maxActive 0) with a JWT the service has never seen,
 *         poll their position with the queue token, enter again (the already-queued path) and poll again
 *         (the verified-token cache's hit path);
 *       - every fourth fan walks the whole journey on a second concert whose room admits at once: enter,
 *         list the dates, list a date's seats, hold a random seat (another one after a 409), charge the
 *         wallet (wallet.direct-charges.enabled), pay;
 *       - an admin raises the waiting room's maxActive and triggers the queue-admission job twice a
 *         second, and reads the room's state.
 *       Prints what it sent per step and status; exits 1 if any answer was a 5xx or not one the step
 *       allows (a workload that fails trains the error paths, not the on-sale).
 * </pre>
 */
public class AotTrain {
    static final String ISSUER = "concert-booking-dev";
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"?([^\",}]+)\"?");
    static final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    static final AtomicLong unexpected = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 4 && args[0].equals("run")) {
            int workers = args.length > 4 ? Integer.parseInt(args[4]) : 16;
            System.exit(run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), workers));
        } else {
            System.err.println("usage: AotTrain keys <dir> | run <base-url> <jwt-private.pem> <seconds> [workers]");
            System.exit(2);
        }
    }

    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        Files.writeString(dir.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(dir.resolve("ticket-signing.pem"), pem("PRIVATE KEY", ed.getPrivate().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    // ------------------------------------------------------------------------------------------ the run
    static HttpClient client;
    static String base;
    static PrivateKey key;

    static int run(String baseUrl, Path privateKey, int seconds, int workers) throws Exception {
        base = baseUrl;
        String der = Files.readString(privateKey).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der)));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String admin = jwt("trainer-admin", true, "");
        String starts = Instant.now().plus(Duration.ofDays(30)).toString().replaceAll("\\.\\d+Z$", "Z");
        // the waiting room: one date; the journey: four dates with enough seats for the run
        int seats = Math.max(500, seconds * 40);
        String waiting = id(call("admin", "POST", "/api/v1/admin/concerts", admin, null,
                "{\"title\":\"AOT training, waiting room\",\"schedules\":[{\"startsAt\":\"" + starts
                        + "\",\"seatCount\":100,\"price\":50000}]}", 201));
        StringBuilder dates = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            dates.append(i == 0 ? "" : ",").append("{\"startsAt\":\"").append(starts).append("\",\"seatCount\":")
                    .append(seats).append(",\"price\":50000}");
        }
        String created = call("admin", "POST", "/api/v1/admin/concerts", admin, null,
                "{\"title\":\"AOT training, journey\",\"schedules\":[" + dates + "]}", 201);
        String journey = id(created);
        List<Long> schedules = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created.substring(created.indexOf("\"schedules\"")));
        while (m.find()) {
            schedules.add(Long.parseLong(m.group(1)));
        }
        if (schedules.size() != 4) {
            throw new IllegalStateException("expected 4 schedules in " + created);
        }
        call("admin", "PUT", "/api/v1/admin/concerts/" + waiting + "/queue", admin, null, "{\"maxActive\":0}", 200, 204);
        call("admin", "PUT", "/api/v1/admin/concerts/" + journey + "/queue", admin, null, "{\"maxActive\":1000000}", 200, 204);

        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger fans = new AtomicInteger();
        AtomicInteger journeys = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("fan-" + w).start(() -> {
                while (System.nanoTime() < deadline) {
                    int n = fans.incrementAndGet();
                    try {
                        if (n % 4 == 0) {
                            if (journey(n, journey, schedules, seats)) {
                                journeys.incrementAndGet();
                            }
                        } else {
                            waitingFan(n, waiting);
                        }
                    } catch (Exception e) {
                        count("exception " + e.getClass().getSimpleName());
                        unexpected.incrementAndGet();
                    }
                }
            }));
        }
        int maxActive = 0;
        while (System.nanoTime() < deadline) {
            maxActive += 50;
            call("admin", "PUT", "/api/v1/admin/concerts/" + waiting + "/queue", admin, null,
                    "{\"maxActive\":" + maxActive + "}", 200, 204);
            call("admission", "POST", "/api/v1/admin/jobs/queue-admission/run", admin, null, null, 200);
            call("room state", "GET", "/api/v1/admin/concerts/" + waiting + "/queue", admin, null, null, 200);
            Thread.sleep(500);
        }
        for (Thread t : threads) {
            t.join();
        }
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
        System.out.printf("AotTrain: %d fans in %d s (%d whole journeys), %d unexpected answers%n", fans.get(), seconds,
                journeys.get(), unexpected.get());
        return unexpected.get() == 0 && journeys.get() > 0 ? 0 : 1;
    }

    static void waitingFan(int n, String concert) throws Exception {
        String jwt = jwt("trainfan" + n, false, "");
        String body = call("enter", "POST", "/api/v1/concerts/" + concert + "/queue/tokens", jwt, null, null, 200, 201);
        String qt = group(TOKEN, body);
        call("poll", "GET", "/api/v1/queue/token", jwt, qt, null, 200);
        call("enter again", "POST", "/api/v1/concerts/" + concert + "/queue/tokens", jwt, null, null, 200, 201);
        call("poll", "GET", "/api/v1/queue/token", jwt, qt, null, 200);
        // a second token of the same fan (another jti): a JWT this instance has not verified yet
        call("poll, new JWT", "GET", "/api/v1/queue/token", jwt("trainfan" + n, false, ",\"jti\":\"p" + n + "\""), qt,
                null, 200);
    }

    static boolean journey(int n, String concert, List<Long> schedules, int seats) throws Exception {
        String jwt = jwt("trainfan" + n, false, "");
        String qt = group(TOKEN, call("enter", "POST", "/api/v1/concerts/" + concert + "/queue/tokens", jwt, null, null,
                200, 201));
        call("dates", "GET", "/api/v1/concerts/" + concert + "/schedules", jwt, qt, null, 200);
        long schedule = schedules.get(ThreadLocalRandom.current().nextInt(schedules.size()));
        call("seats", "GET", "/api/v1/schedules/" + schedule + "/seats", jwt, qt, null, 200);
        String reservation = null;
        for (int attempt = 0; attempt < 5 && reservation == null; attempt++) {
            HttpResponse<String> r = send("POST", "/api/v1/reservations", jwt, qt, null,
                    "{\"scheduleId\":" + schedule + ",\"seatNumber\":" + (1 + ThreadLocalRandom.current().nextInt(seats)) + "}");
            expect("hold", r, 201, 409);
            if (r.statusCode() == 201) {
                reservation = group(ID, r.body());
            }
        }
        if (reservation == null) {
            return false;
        }
        call("charge", "POST", "/api/v1/wallet/charges", jwt, null, "{\"amount\":50000}", 201, "train-c-" + n);
        call("pay", "POST", "/api/v1/payments", jwt, null, "{\"reservationId\":\"" + reservation + "\"}", 201, "train-p-" + n);
        return true;
    }

    // ------------------------------------------------------------------------------------------ HTTP
    static String call(String step, String method, String path, String jwt, String queueToken, String body, int ok)
            throws Exception {
        return call(step, method, path, jwt, queueToken, body, new int[] {ok}, null);
    }

    static String call(String step, String method, String path, String jwt, String queueToken, String body, int ok,
            int ok2) throws Exception {
        return call(step, method, path, jwt, queueToken, body, new int[] {ok, ok2}, null);
    }

    static String call(String step, String method, String path, String jwt, String queueToken, String body, int ok,
            String idempotencyKey) throws Exception {
        return call(step, method, path, jwt, queueToken, body, new int[] {ok}, idempotencyKey);
    }

    static String call(String step, String method, String path, String jwt, String queueToken, String body, int[] ok,
            String idempotencyKey) throws Exception {
        HttpResponse<String> r = send(method, path, jwt, queueToken, idempotencyKey, body);
        expect(step, r, ok);
        return r.body();
    }

    static HttpResponse<String> send(String method, String path, String jwt, String queueToken, String idempotencyKey,
            String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + jwt)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (queueToken != null) {
            b.header("Queue-Token", queueToken);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(String step, HttpResponse<String> r, int... ok) {
        count(step + " " + r.statusCode());
        for (int s : ok) {
            if (r.statusCode() == s) {
                return;
            }
        }
        if (unexpected.incrementAndGet() <= 5) {
            System.err.println("AotTrain: " + step + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    static void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    static String id(String body) {
        return group(ID, body);
    }

    // ------------------------------------------------------------------------------------------ JWTs
    static final ThreadLocal<Signature> SIGNER = ThreadLocal.withInitial(() -> {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            return s;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    static String jwt(String sub, boolean admin, String extraClaims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + sub + "\",\"groups\":"
                + (admin ? "[\"user\",\"admin\"]" : "[\"user\"]") + ",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + extraClaims + "}").getBytes(StandardCharsets.UTF_8));
        Signature s = SIGNER.get();
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(s.sign());
    }
}
