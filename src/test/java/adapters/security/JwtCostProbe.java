package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import support.Tokens;

/**
 * The measurement behind D63 and docs/performance.md ("The JWT path"), not part of the suite (the
 * name does not end in Test): {@code nice -n 19 ./mvnw -o -q test -Dtest=JwtCostProbe
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs [-Dprobe.tokens=3000 -Dprobe.rounds=7
 * -Dprobe.entries=20000]}. Single thread, CPU time of the measuring thread per operation
 * (ThreadMXBean, so other load on the machine counts little), variants alternated A B A B over
 * several rounds, medians printed. Heap per cache entry: used heap after repeated GCs, before and
 * after filling a cache, the token strings held by the probe in both cases (so the figure excludes
 * the key string, which is the same in both and printed separately).
 *
 * <p>Tokens are shaped like the benchmark's fans' ({@code bench/MintTokens.java}): header
 * {@code {"alg":"RS256","typ":"JWT"}}, claims iss, sub, groups ["user"], iat, exp; RSA 2048.
 */
class JwtCostProbe {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    @Test
    void measure() throws Exception {
        int count = Integer.getInteger("probe.tokens", 3000);
        int rounds = Integer.getInteger("probe.rounds", 7);
        int entries = Integer.getInteger("probe.entries", 20000);
        KeyPair pair = Tokens.newKeyPair();
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(Tokens.publicPem(pair));
        context.setIssuedBy(Tokens.ISSUER);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setTokenAge(3600L);
        context.setClockSkew(60);
        context.setGroupsPath("groups");
        List<String> tokens = mint(pair, "fan-", count);

        JWTParser smallrye = new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
        LeanRs256Verifier lean = LeanRs256Verifier.forContext(
                context, context.getPublicKeyContent(), Clock.systemUTC(), new GroupSets());
        for (String t : tokens.subList(0, 50)) {
            JsonWebToken a = smallrye.parse(t);
            VerifiedJwt b = lean.verify(t);
            assertEquals(a.getSubject(), b.getSubject());
            assertEquals(a.getGroups(), b.getGroups());
            assertEquals(a.getExpirationTime(), b.getExpirationTime());
            assertEquals(a.getIssuedAtTime(), b.getIssuedAtTime());
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        byte[][] signed = new byte[count][];
        byte[][] signatures = new byte[count][];
        for (int i = 0; i < count; i++) {
            String t = tokens.get(i);
            int dot = t.lastIndexOf('.');
            signed[i] = t.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = Base64.getUrlDecoder().decode(t.substring(dot + 1));
        }

        Map<String, Op> firstTime = new LinkedHashMap<>();
        firstTime.put("smallrye parse (as the identity provider uses it)", t -> {
            JsonWebToken j = smallrye.parse(t);
            return j.getGroups().size() + j.getSubject().length() + j.getName().length();
        });
        firstTime.put("lean RS256 path", t -> {
            JsonWebToken j = lean.verify(t);
            return j.getGroups().size() + j.getSubject().length() + j.getName().length();
        });
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            index.put(tokens.get(i), i);
        }
        firstTime.put("JDK SHA256withRSA verify alone", t -> {
            int i = index.get(t);
            rsa.initVerify(pair.getPublic());
            rsa.update(signed[i]);
            return rsa.verify(signatures[i]) ? 1 : 0;
        });
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int r = -2; r < rounds; r++) { // two unmeasured warm-up rounds
            for (Map.Entry<String, Op> e : firstTime.entrySet()) {
                double us = perOp(tokens, e.getValue());
                if (r >= 0) {
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(us);
                }
            }
            // the whole first-time path of the verifier: verification + VerifiedJwt + cache put
            for (boolean on : new boolean[] {false, true}) {
                KeyedJwtVerifier v = verifier(context, count + 10, on);
                double us = perOp(tokens, t -> v.parse(t).getGroups().size());
                if (r >= 0) {
                    results.computeIfAbsent(
                                    "KeyedJwtVerifier first-time, lean " + (on ? "on" : "off"), k -> new ArrayList<>())
                            .add(us);
                }
            }
        }

        // a cache hit as the app consumes it: parse, then groups (roles), subject, name
        VerifiedTokenCache<JsonWebToken> before = new VerifiedTokenCache<>(count + 10, Clock.systemUTC());
        for (String t : tokens) {
            JsonWebToken j = smallrye.parse(t);
            before.put(t, j.getExpirationTime(), j);
        }
        KeyedJwtVerifier after = verifier(context, count + 10, true);
        for (String t : tokens) {
            after.parse(t);
        }
        List<String> copies =
                tokens.stream().map(t -> new String(t.toCharArray())).toList(); // new strings, as per request
        for (int r = -2; r < rounds; r++) {
            double b = perOp(copies, t -> {
                JsonWebToken j = before.get(t);
                return j.getGroups().size()
                        + j.getSubject().length()
                        + j.getName().length();
            });
            double a = perOp(copies, t -> {
                JsonWebToken j = after.parse(t);
                return j.getGroups().size()
                        + j.getSubject().length()
                        + j.getName().length();
            });
            if (r >= 0) {
                results.computeIfAbsent(
                                "cache hit + getGroups/getSubject/getName, smallrye token (before)",
                                k -> new ArrayList<>())
                        .add(b);
                results.computeIfAbsent(
                                "cache hit + getGroups/getSubject/getName, VerifiedJwt (after)", k -> new ArrayList<>())
                        .add(a);
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "JwtCostProbe: %d tokens of %d chars, %d rounds (medians of µs CPU per op; all rounds)%n",
                count, tokens.get(0).length(), rounds));
        results.forEach((k, v) -> out.append(String.format("  %-80s %8.2f  %s%n", k, median(v), rounded(v))));

        // heap per entry
        List<String> many = new ArrayList<>(tokens);
        many.addAll(mint(pair, "heap-", Math.max(0, entries - count)));
        many = many.subList(0, entries);
        for (int r = 0; r < 3; r++) {
            long base = usedAfterGc();
            VerifiedTokenCache<JsonWebToken> old = new VerifiedTokenCache<>(entries + 10, Clock.systemUTC());
            for (String t : many) {
                JsonWebToken j = smallrye.parse(t);
                old.put(t, j.getExpirationTime(), j);
            }
            long full = usedAfterGc();
            sink = old;
            double oldPerEntry = (full - base) / (double) entries;
            sink = null;
            old = null;
            base = usedAfterGc();
            KeyedJwtVerifier v = verifier(context, entries + 10, true);
            for (String t : many) {
                v.parse(t);
            }
            full = usedAfterGc();
            sink = v;
            double newPerEntry = (full - base) / (double) entries;
            sink = null;
            out.append(String.format(
                    "  heap per entry (%d entries, token string excluded: %d bytes each): smallrye token %.0f B, VerifiedJwt %.0f B%n",
                    entries, 40 + ((tokens.get(0).length() + 7) / 8) * 8, oldPerEntry, newPerEntry));
        }
        System.out.print(out);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/jwt-cost-probe.txt"), out.toString());
    }

    interface Op {
        int apply(String token) throws Exception;
    }

    private static KeyedJwtVerifier verifier(JWTAuthContextInfo context, int entries, boolean lean) {
        return new KeyedJwtVerifier(
                new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory()),
                context,
                Optional.empty(),
                entries,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC(),
                lean,
                Clock.systemUTC());
    }

    private static double perOp(List<String> tokens, Op op) throws Exception {
        int acc = 0;
        long start = CPU.getCurrentThreadCpuTime();
        for (String t : tokens) {
            acc += op.apply(t);
        }
        long cpu = CPU.getCurrentThreadCpuTime() - start;
        sink = acc;
        return cpu / 1000.0 / tokens.size();
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // System.gc() is a full, stop-the-world collection on G1 and Serial (ExplicitGCInvokesConcurrent
        // is off): it has finished when the call returns, so the reading follows it with no pause
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    static List<String> mint(KeyPair pair, String prefix, int count) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("SHA256withRSA");
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String payload = b64.encodeToString(("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"" + prefix
                            + java.util.UUID.randomUUID() + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":"
                            + (now + 3600) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            signer.initSign(pair.getPrivate());
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            out.add(header + "." + payload + "." + b64.encodeToString(signer.sign()));
        }
        return out;
    }
}
