package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.queue.port.out.QueueTokenSigner;
import domain.queue.QueueToken;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link QueueTokenSigner}: a signature of the documented shape that only its own key and payload verify. */
public abstract class QueueTokenSignerContract {
    private static final String PAYLOAD = "42.1796000000000123.1796000000000.YWxpY2U";

    private final Function<String, QueueTokenSigner> signers;
    private final QueueTokenSigner signer;

    /** {@code signers}: a signer with the given secret key. */
    protected QueueTokenSignerContract(Function<String, QueueTokenSigner> signers) {
        this.signers = signers;
        this.signer = signers.apply("contract-key-0123456789abcdefghijklmnop");
    }

    @Test
    void aSignatureIsBase64UrlOfTheTokensLength() {
        String signature = signer.sign(PAYLOAD);

        assertEquals(QueueToken.SIGNATURE_LENGTH, signature.length());
        assertTrue(signature.matches("[A-Za-z0-9_-]+"), signature);
        assertTrue(QueueToken.isWellFormed(PAYLOAD + "." + signature));
    }

    @Test
    void aPayloadVerifiesWithItsOwnSignatureAlways() {
        assertEquals(signer.sign(PAYLOAD), signer.sign(PAYLOAD));
        assertTrue(signer.verifies(PAYLOAD, signer.sign(PAYLOAD)));
    }

    @Test
    void anotherPayloadAnAlteredSignatureOrAnotherKeyDoNotVerify() {
        String signature = signer.sign(PAYLOAD);
        char first = signature.charAt(0);
        String altered = (first == 'A' ? 'B' : 'A') + signature.substring(1);

        assertFalse(signer.verifies(PAYLOAD.replace("42.", "43."), signature));
        assertFalse(signer.verifies(PAYLOAD, altered));
        assertFalse(signer.verifies(PAYLOAD, signature.substring(1)));
        assertFalse(signers.apply("another-key-0123456789abcdefghijklmnop").verifies(PAYLOAD, signature));
    }
}
