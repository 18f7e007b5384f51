package domain.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The pre-queue's one shuffle (decisions D52): a Fisher–Yates shuffle driven by a deterministic
 * generator from a 32-byte seed, so anyone holding the seed and the pre-queue (its tokens in
 * arrival order) recomputes the order exactly. The seed comes from a {@code SecureRandom} and is
 * recorded before the order is used.
 *
 * <p>The generator (documented in {@code docs/api.md}, "Sale opening", so it can be re-implemented):
 * block {@code k} (k = 0, 1, …) is {@code SHA-256(seed ‖ k as 8 bytes big-endian)}; each block gives
 * four 64-bit words, big-endian; a word's top 63 bits ({@code w >>> 1}) make a draw. {@code
 * uniform(b)} takes draws until one is below {@code 2^63 − (2^63 mod b)} and returns it mod {@code
 * b} (rejection, so every value is equally likely). The shuffle: start with {@code order = [0, 1, …,
 * n−1]}; for {@code i} from {@code n−1} down to 1, swap {@code order[i]} with {@code order[uniform(i +
 * 1)]}. Place {@code k} (0 = first in line) goes to the fan at index {@code order[k]} of the
 * pre-queue in arrival order.
 */
public final class PreQueueShuffle {
    public static final int SEED_BYTES = 32;
    /** The name recorded with each shuffle, so a future change of algorithm stays verifiable. */
    public static final String ALGORITHM = "fisher-yates/sha256-ctr/v1";

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] seed;

    public PreQueueShuffle(byte[] seed) {
        Objects.requireNonNull(seed);
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a seed has " + SEED_BYTES + " bytes, not " + seed.length);
        }
        this.seed = seed.clone();
    }

    public static PreQueueShuffle ofHex(String seedHex) {
        return new PreQueueShuffle(HEX.parseHex(seedHex));
    }

    public String seedHex() {
        return HEX.formatHex(seed);
    }

    /** The permutation of {@code n} places: {@code order[k]} is the arrival index of the k-th in line. */
    public int[] order(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a pre-queue has no negative size: " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Draws draws = new Draws(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = (int) draws.uniform(i + 1L);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The pre-queue in its shuffled order: {@code arrivals} is the pre-queue in arrival order. */
    public <T> List<T> shuffle(List<T> arrivals) {
        int[] order = order(arrivals.size());
        return java.util.Arrays.stream(order).mapToObj(arrivals::get).toList();
    }

    /** SHA-256, hex, of the tokens one per line ({@code '\n'} after each): the audit's digests. */
    public static String digest(List<String> tokens) {
        MessageDigest sha = sha256();
        for (String token : tokens) {
            sha.update(token.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HEX.formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 in counter mode over the seed, 63-bit draws, unbiased bounded integers. */
    private static final class Draws {
        private final byte[] input;
        private final MessageDigest sha = sha256();
        private byte[] block = new byte[0];
        private int used;
        private long counter;

        Draws(byte[] seed) {
            input = java.util.Arrays.copyOf(seed, SEED_BYTES + Long.BYTES);
        }

        long uniform(long bound) {
            long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound + 1) % bound;
            // draws are 0 … 2^63 − 1; accept those below a multiple of bound (2^63 − (2^63 mod bound))
            while (true) {
                long draw = next() >>> 1;
                if (draw <= limit) {
                    return draw % bound;
                }
            }
        }

        private long next() {
            if (used == block.length) {
                for (int b = 0; b < Long.BYTES; b++) {
                    input[SEED_BYTES + b] = (byte) (counter >>> (56 - 8 * b));
                }
                counter++;
                block = sha.digest(input);
                used = 0;
            }
            long word = 0;
            for (int b = 0; b < Long.BYTES; b++) {
                word = (word << 8) | (block[used + b] & 0xFF);
            }
            used += Long.BYTES;
            return word;
        }
    }
}
