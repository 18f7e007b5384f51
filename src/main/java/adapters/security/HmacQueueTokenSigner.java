package adapters.security;

import adapters.config.BookingConfig;
import application.queue.port.out.QueueTokenSigner;
import domain.queue.QueueToken;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Queue-token signatures: HMAC-SHA256 with {@code queue.token-secret}, truncated to 128 bits
 * (22 base64url characters; RFC 2104 §5 allows truncation to at least half the output, and 2^-128
 * per forgery attempt is far beyond reach), to keep the token short: Redis stores it four times per
 * fan. A {@link Mac} per thread (the event-loop and worker threads that check tokens are few and
 * long-lived); about a microsecond per token. Built at start-up, so a missing or short secret stops
 * the service before it serves anything (the prod profile has no default: D33).
 */
@Startup
@ApplicationScoped
public class HmacQueueTokenSigner implements QueueTokenSigner {
    /** 256 bits when the secret is random base64; shorter secrets are refused. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final int SIGNATURE_BYTES = 16;

    private final ThreadLocal<Mac> macs;

    @Inject
    public HmacQueueTokenSigner(BookingConfig.Queue config) {
        this(config.tokenSecret().orElse(null));
    }

    public HmacQueueTokenSigner(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("queue.token-secret (QUEUE_TOKEN_SECRET) must be set to at least "
                    + MIN_SECRET_LENGTH
                    + " characters of random text (e.g. `openssl rand -base64 32`); it signs queue tokens");
        }
        Mac prototype = newMac(secret.getBytes(StandardCharsets.UTF_8));
        this.macs = ThreadLocal.withInitial(() -> copy(prototype));
    }

    @Override
    public String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    @Override
    public boolean verifies(String payload, String signature) {
        if (signature == null || signature.length() != QueueToken.SIGNATURE_LENGTH) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(payload), presented);
    }

    private byte[] mac(String payload) {
        Mac mac = macs.get();
        return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be copied", e);
        }
    }
}
