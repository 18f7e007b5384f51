package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.queue.QueueTokens;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueToken;
import domain.queue.QueueTokenClaims;
import domain.shared.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed queue tokens (D33): what the service issued verifies; anything altered or foreign does not. */
class HmacQueueTokenSignerTest {
    private static final String SECRET = "unit-test-queue-token-secret-0123456789";
    private static final UserId ALICE = new UserId("alice");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final QueueTokens tokens = new QueueTokens(new HmacQueueTokenSigner(SECRET));

    @Test
    void anIssuedTokenVerifiesAndCarriesItsClaims() {
        QueueToken token = tokens.issue(ALICE, 42, NOW);

        QueueToken verified = tokens.verify(token.value());

        assertEquals(ALICE, verified.userId());
        assertEquals(42, verified.concertId());
        assertEquals(NOW, verified.issuedAt());
        assertEquals(QueueToken.SIGNATURE_LENGTH, verified.signature().length());
    }

    @Test
    void aTokenAlteredToAnotherConcertIsRefused() {
        QueueToken token = tokens.issue(ALICE, 42, NOW);

        assertForged(resigned(token, new QueueTokenClaims(ALICE, 43, token.arrival(), NOW)));
    }

    @Test
    void aTokenAlteredToAnotherUserIsRefused() {
        QueueToken token = tokens.issue(ALICE, 42, NOW);

        assertForged(resigned(token, new QueueTokenClaims(new UserId("mallory"), 42, token.arrival(), NOW)));
    }

    @Test
    void aTokenAlteredToAnEarlierArrivalIsRefused() {
        QueueToken token = tokens.issue(ALICE, 42, NOW);

        assertForged(resigned(token, new QueueTokenClaims(ALICE, 42, token.arrival() - 1_000_000, NOW)));
        assertForged(resigned(token, new QueueTokenClaims(ALICE, 42, token.arrival(), NOW.minusSeconds(60))));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String value = tokens.issue(ALICE, 42, NOW).value();
        char last = value.charAt(value.length() - 2);
        String tampered =
                value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A') + value.charAt(value.length() - 1);

        assertForged(tampered);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        QueueTokens elsewhere = new QueueTokens(new HmacQueueTokenSigner("another-deployments-secret-0123456789"));

        assertForged(elsewhere.issue(ALICE, 42, NOW).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "42.AAAAAAAAAAAAAAAAAAAAAA", "42.1.1.YWxpY2U.AAAAAAAAAAAAAAAAAAAAAA"})
    void malformedOrUnsignedTokensAreRefusedAsUnknown(String raw) {
        assertForged(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingTokenIsMissing(String raw) {
        assertEquals(
                Reason.MISSING,
                assertThrows(QueueAccessDeniedException.class, () -> tokens.verify(raw))
                        .reason());
    }

    @Test
    void arrivalOrderRisesWithEveryTokenAndFollowsTheClock() {
        QueueToken first = tokens.issue(ALICE, 42, NOW);
        QueueToken sameMillisecond = tokens.issue(new UserId("bob"), 42, NOW);
        QueueToken later = tokens.issue(new UserId("carol"), 42, NOW.plusMillis(1));

        assertEquals(NOW.toEpochMilli() * 1000, first.arrival());
        assertTrue(sameMillisecond.arrival() > first.arrival());
        assertEquals(NOW.plusMillis(1).toEpochMilli() * 1000, later.arrival());
        assertNotEquals(first.value(), sameMillisecond.value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "                                        "})
    void aMissingOrShortSecretStopsTheService(String secret) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new HmacQueueTokenSigner(secret));
        assertTrue(e.getMessage().contains("queue.token-secret"), e.getMessage());
    }

    private void assertForged(String raw) {
        QueueAccessDeniedException e = assertThrows(QueueAccessDeniedException.class, () -> tokens.verify(raw));
        assertEquals(Reason.UNKNOWN, e.reason());
    }

    /** The claims changed, the original signature kept: what a forger can do without the secret. */
    private static String resigned(QueueToken original, QueueTokenClaims altered) {
        return QueueToken.of(altered, original.signature()).value();
    }
}
