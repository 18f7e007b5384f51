package application.fakes;

import application.queue.port.out.QueueTokenSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** A keyed SHA-256 stand-in for the HMAC signer: unforgeable enough for tests of the use cases. */
public final class FakeQueueTokenSigner implements QueueTokenSigner {
    private final String key;

    public FakeQueueTokenSigner(String key) {
        this.key = key;
    }

    @Override
    public String sign(String payload) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((key + "|" + payload).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean verifies(String payload, String signature) {
        return sign(payload).equals(signature);
    }
}
