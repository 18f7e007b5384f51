package domain.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shuffle is a pure function of the seed: reproducible, always a permutation, and (measured on
 * fixed seeds, so the test is deterministic) uniform: every order of a small pre-queue equally
 * likely, every fan equally likely at every place of a larger one.
 */
class PreQueueShuffleTest {
    /** Seeds 0, 1, 2, … as SHA-256 of the number: fixed, so every run sees the same draws. */
    private static byte[] seed(long i) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPermutation(int[] order) {
        boolean[] seen = new boolean[order.length];
        for (int index : order) {
            if (index < 0 || index >= order.length || seen[index]) {
                return false;
            }
            seen[index] = true;
        }
        return true;
    }

    @Test
    void theSameSeedGivesTheSameOrderAndTheHexSeedIsTheSameSeed() {
        PreQueueShuffle shuffle = new PreQueueShuffle(seed(7));
        int[] first = shuffle.order(10_000);

        assertArrayEquals(first, new PreQueueShuffle(seed(7)).order(10_000));
        assertArrayEquals(first, PreQueueShuffle.ofHex(shuffle.seedHex()).order(10_000));
        assertFalse(Arrays.equals(first, new PreQueueShuffle(seed(8)).order(10_000)), "another seed, another order");
    }

    @Test
    void everyOrderIsAPermutation() {
        for (int n : new int[] {0, 1, 2, 3, 17, 1000, 100_000}) {
            assertTrue(isPermutation(new PreQueueShuffle(seed(n)).order(n)), "n = " + n);
        }
    }

    /**
     * A fixed vector, so an auditor's own implementation of the documented algorithm (docs/api.md,
     * "Sale opening") can be checked against this one: the all-zero seed, ten places.
     */
    @Test
    void theAllZeroSeedGivesTheDocumentedOrder() {
        assertEquals("[3, 2, 7, 6, 5, 8, 1, 0, 9, 4]", Arrays.toString(new PreQueueShuffle(new byte[32]).order(10)));
    }

    @Test
    void theShuffledListIsTheListInThatOrder() {
        List<String> arrivals = List.of("a", "b", "c", "d", "e");
        PreQueueShuffle shuffle = new PreQueueShuffle(seed(3));
        int[] order = shuffle.order(5);

        List<String> shuffled = shuffle.shuffle(arrivals);

        for (int place = 0; place < 5; place++) {
            assertEquals(arrivals.get(order[place]), shuffled.get(place));
        }
    }

    /** All 6 orders of 3 fans over 60,000 fixed seeds: a chi-square of 5 degrees of freedom under 20.5 (p ≈ 0.001). */
    @Test
    void everyOrderOfThreeFansIsEquallyLikely() {
        int runs = 60_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < runs; i++) {
            counts.merge(Arrays.toString(new PreQueueShuffle(seed(i)).order(3)), 1, Integer::sum);
        }
        assertEquals(6, counts.size(), counts.toString());
        double expected = runs / 6.0;
        double chiSquare = counts.values().stream()
                .mapToDouble(c -> (c - expected) * (c - expected) / expected)
                .sum();
        assertTrue(chiSquare < 20.5, "chi-square " + chiSquare + " for " + counts);
    }

    /**
     * Arriving first is no advantage: over 20,000 fixed seeds each of 10 fans is at each of 10
     * places about 2,000 times (chi-square of 81 degrees of freedom under 130, p ≈ 0.001).
     */
    @Test
    void everyFanIsEquallyLikelyAtEveryPlace() {
        int n = 10;
        int runs = 20_000;
        long[][] counts = new long[n][n];
        for (int i = 0; i < runs; i++) {
            int[] order = new PreQueueShuffle(seed(1_000_000 + i)).order(n);
            for (int place = 0; place < n; place++) {
                counts[order[place]][place]++;
            }
        }
        double expected = runs / (double) n;
        double chiSquare = 0;
        for (long[] fan : counts) {
            for (long atPlace : fan) {
                chiSquare += (atPlace - expected) * (atPlace - expected) / expected;
            }
        }
        assertTrue(chiSquare < 130, "chi-square " + chiSquare);
    }

    @Test
    void aSeedHasThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> new PreQueueShuffle(new byte[16]));
    }

    @Test
    void theDigestIsSha256OfTheTokensOnePerLine() throws Exception {
        String expected = java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("t1\nt2\n".getBytes()));

        assertEquals(expected, PreQueueShuffle.digest(List.of("t1", "t2")));
    }
}
