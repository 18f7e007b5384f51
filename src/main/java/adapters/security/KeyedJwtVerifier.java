package adapters.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.ResourceUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies bearer tokens — with {@link LeanRs256Verifier} where the configuration allows it, else
 * (and for any token the lean path hands on) with SmallRye JWT — and remembers each verified token,
 * as a {@link VerifiedJwt}, in a {@link VerifiedTokenCache} that belongs to one verification key: the cache is keyed by the key's
 * identity, a SHA-256 fingerprint of the key material, the issuer, the accepted audiences and the
 * maximum token age. When that identity changes, the cache goes with the old key, so a token
 * verified with a key that is no longer configured is never served from memory.
 *
 * <p>A key read from a local file (or classpath resource) is re-read every {@code checkInterval}
 * (by the first request after it elapses; a few microseconds for a PEM file). SmallRye JWT loads
 * such a key once per parser and never again, so on a change this class verifies with a new
 * SmallRye parser built from a copy of the configuration holding the new key: replacing the mounted
 * file rotates the key without a restart. A JWKS URL ({@code http(s):}) is refreshed by SmallRye
 * itself ({@code smallrye.jwt.jwks.refresh-interval}); its tokens are cached at most
 * {@code maxAge} beyond a refresh that drops their key (see {@code auth.jwt-cache.max-age}).
 *
 * <p>An entry is served until the earliest of the token's {@code exp}, {@code iat} plus the
 * maximum token age ({@code mp.jwt.verify.token.age}) and its own {@code maxAge}.
 */
public final class KeyedJwtVerifier {
    private static final Logger LOG = Logger.getLogger(KeyedJwtVerifier.class);

    /** One key's verifiers and cache; {@code lean} is null when the configuration is not one it covers. */
    private record Generation(
            String fingerprint, JWTParser parser, LeanRs256Verifier lean, VerifiedTokenCache<VerifiedJwt> cache) {}

    private final JWTAuthContextInfo context;
    private final Optional<String> watchedLocation;
    private final long checkIntervalMillis;
    private final long maxAgeSeconds;
    private final int maxEntries;
    private final Clock clock;
    private final AtomicReference<Generation> current;
    private final AtomicLong nextCheckAt;
    private final boolean leanEnabled;
    private final Clock checkClock;
    private final GroupSets groupSets = new GroupSets();
    private final LongAdder handedToSmallRye = new LongAdder();

    /**
     * @param delegate SmallRye's parser, configured with {@code context} (used until the key changes)
     * @param keyLocation where the key was read from ({@code mp.jwt.verify.publickey.location}), when it
     *     was read from a location: SmallRye keeps only the content it read (a JWKS URL's too, until
     *     it refreshes it)
     * @param checkInterval how often a local key file is re-read; zero never re-reads it
     * @param maxAge the longest an entry is served (zero: until exp or the token age)
     * @param clock the cache's clock and the one the future-iat check reads
     */
    public KeyedJwtVerifier(
            JWTParser delegate,
            JWTAuthContextInfo context,
            Optional<String> keyLocation,
            int maxEntries,
            Duration checkInterval,
            Duration maxAge,
            Clock clock) {
        this(delegate, context, keyLocation, maxEntries, checkInterval, maxAge, clock, true, Clock.systemUTC());
    }

    /**
     * @param lean whether first-time tokens are checked by {@link LeanRs256Verifier} where the
     *     configuration allows it ({@code auth.jwt.lean-verification})
     * @param checkClock the clock exp, nbf and the token age are checked against, as SmallRye
     *     checks them against the system clock
     */
    public KeyedJwtVerifier(
            JWTParser delegate,
            JWTAuthContextInfo context,
            Optional<String> keyLocation,
            int maxEntries,
            Duration checkInterval,
            Duration maxAge,
            Clock clock,
            boolean lean,
            Clock checkClock) {
        this.leanEnabled = lean;
        this.checkClock = checkClock;
        this.context = context;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.checkIntervalMillis = checkInterval.toMillis();
        this.maxAgeSeconds = maxAge.toSeconds();
        this.watchedLocation = keyLocation
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("http") && context.getPublicKeyContent() != null)
                .filter(l -> checkIntervalMillis > 0);
        String read = watchedLocation.map(this::read).orElse(null);
        String material = read != null
                ? read
                : Optional.ofNullable(context.getPublicKeyContent())
                        .orElse(String.valueOf(context.getPublicKeyLocation()));
        // the key SmallRye verifies with: the content it read at start (a watched file is read again
        // here, and a different content makes the lean path wait for the first check: SmallRye's)
        String leanKey =
                context.getPublicKeyContent() != null && (read == null || read.equals(context.getPublicKeyContent()))
                        ? context.getPublicKeyContent()
                        : null;
        this.current = new AtomicReference<>(new Generation(
                fingerprint(material), delegate, lean(context, leanKey), new VerifiedTokenCache<>(maxEntries, clock)));
        this.nextCheckAt = new AtomicLong(clock.millis() + checkIntervalMillis);
    }

    public JsonWebToken parse(String token) throws ParseException {
        if (watchedLocation.isPresent()) {
            reloadWhenDue();
        }
        Generation g = current.get();
        VerifiedJwt cached = g.cache().get(token);
        if (cached != null) {
            return cached;
        }
        VerifiedJwt verified = g.lean() == null ? null : g.lean().verify(token);
        if (verified == null) {
            handedToSmallRye.increment();
            verified = VerifiedJwt.copyOf(g.parser().parse(token), token, groupSets);
        }
        refuseIssuedInTheFuture(verified);
        g.cache().put(token, servedUntil(verified), verified);
        return verified;
    }

    private LeanRs256Verifier lean(JWTAuthContextInfo info, String keyContent) {
        return leanEnabled ? LeanRs256Verifier.forContext(info, keyContent, checkClock, groupSets) : null;
    }

    /** Whether first-time tokens of the current key are checked by the lean path (else by SmallRye). */
    public boolean lean() {
        return current.get().lean() != null;
    }

    /** How many tokens the lean path handed to SmallRye (or all, without a lean path), since start. */
    public long handedToSmallRye() {
        return handedToSmallRye.sum();
    }

    /**
     * SmallRye checks {@code exp} and the token age from {@code iat}, but not that {@code iat} is not
     * in the future: a token "issued" tomorrow would live a day beyond the maximum token age. Beyond
     * the clock skew ({@code mp.jwt.verify.clock.skew}) it is refused.
     */
    private void refuseIssuedInTheFuture(JsonWebToken token) throws ParseException {
        long issuedAt = token.getIssuedAtTime();
        long latest = clock.millis() / 1000 + context.getClockSkew();
        if (issuedAt > latest) {
            throw new ParseException("the token's iat is in the future beyond the allowed clock skew");
        }
    }

    /** The fingerprint of the key (and rules) tokens are verified with now. */
    public String fingerprint() {
        return current.get().fingerprint();
    }

    /** How many verified tokens are remembered for the current key. */
    public int cached() {
        return current.get().cache().size();
    }

    private long servedUntil(JsonWebToken token) {
        long until = token.getExpirationTime();
        Long tokenAge = context.getTokenAge();
        if (tokenAge != null && token.getIssuedAtTime() > 0) {
            until = Math.min(until, token.getIssuedAtTime() + tokenAge);
        }
        if (maxAgeSeconds > 0) {
            until = Math.min(until, clock.millis() / 1000 + maxAgeSeconds);
        }
        return until;
    }

    private void reloadWhenDue() {
        long now = clock.millis();
        long due = nextCheckAt.get();
        if (now < due || !nextCheckAt.compareAndSet(due, now + checkIntervalMillis)) {
            return;
        }
        String location = watchedLocation.orElseThrow();
        String content = read(location);
        if (content == null) {
            LOG.warnf(
                    "mp.jwt.verify.publickey.location %s is unreadable; still verifying with the key read before",
                    location);
            return;
        }
        String fingerprint = fingerprint(content);
        Generation old = current.get();
        if (fingerprint.equals(old.fingerprint())) {
            return;
        }
        JWTAuthContextInfo changed = new JWTAuthContextInfo(context);
        changed.setPublicKeyLocation(null);
        changed.setPublicKeyContent(content);
        JWTParser parser = new DefaultJWTParser(changed, new DefaultJWTCallerPrincipalFactory());
        current.set(new Generation(
                fingerprint, parser, lean(changed, content), new VerifiedTokenCache<>(maxEntries, clock)));
        LOG.infof(
                "JWT verification key %s changed (sha256 %s, was %s): verifying with the new key; %d cached"
                        + " verifications dropped",
                location,
                fingerprint.substring(0, 12),
                old.fingerprint().substring(0, 12),
                old.cache().size());
    }

    private String read(String location) {
        try {
            String content = ResourceUtils.readResource(location);
            return content == null || content.isBlank() ? null : content;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String fingerprint(String keyMaterial) {
        String identity = String.join(
                "\n",
                String.valueOf(keyMaterial),
                String.valueOf(context.getIssuedBy()),
                String.valueOf(
                        context.getExpectedAudience() == null ? null : new TreeSet<>(context.getExpectedAudience())),
                String.valueOf(context.getTokenAge()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
