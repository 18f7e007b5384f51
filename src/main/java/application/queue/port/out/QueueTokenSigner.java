package application.queue.port.out;

/**
 * Signs queue tokens with a secret only the service knows (HMAC-SHA256 in {@code adapters.security}),
 * so a token can be trusted without asking the store that issued it.
 */
public interface QueueTokenSigner {
    /** The signature of {@code payload}: {@link domain.queue.QueueToken#SIGNATURE_LENGTH} base64url characters. */
    String sign(String payload);

    /** Whether {@code signature} is this service's signature of {@code payload} (compared in constant time). */
    boolean verifies(String payload, String signature);
}
