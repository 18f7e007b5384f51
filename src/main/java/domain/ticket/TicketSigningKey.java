package domain.ticket;

import java.util.Objects;

/**
 * A public key that ticket codes are verified with: its id (the {@code kid} a code names), the
 * Ed25519 public key as the 32 raw bytes in base64url ({@code x} of an RFC 8037 JWK), and whether
 * new codes are signed with it ({@code current}) or it is only accepted (the previous key after a
 * rotation, the next one before it).
 */
public record TicketSigningKey(String keyId, String x, boolean current) {
    public TicketSigningKey {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(x);
    }
}
