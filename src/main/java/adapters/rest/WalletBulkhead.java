package adapters.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code payment.max-concurrent-per-wallet} payments of one wallet run at once on this
 * instance; the others wait here, in arrival order, before they take a database connection.
 *
 * <p>Why: a payment ends with the wallet's conditional debit, and every other payment of that wallet
 * queues on its row lock while holding a connection. More concurrent transactions on a hot row make
 * throughput worse, not better (measured: docs/performance.md), and starve other users of the pool.
 * Waiting here costs nothing in PostgreSQL. Wallets are spread over striped semaphores, so two
 * wallets may now and then share a stripe (a throughput effect only: correctness never depends on
 * this class). A caller that waits longer than {@code payment.wallet-wait-timeout} gets 503 with
 * Retry-After. {@code 0} turns the cap off.
 */
@ApplicationScoped
public class WalletBulkhead {
    private static final int STRIPES = 1024;

    private final Semaphore[] stripes;
    private final long timeoutNanos;

    @Inject
    public WalletBulkhead(
            @ConfigProperty(name = "payment.max-concurrent-per-wallet", defaultValue = "3") int permits,
            @ConfigProperty(name = "payment.wallet-wait-timeout", defaultValue = "5s") Duration timeout) {
        if (permits < 0) {
            throw new IllegalArgumentException("payment.max-concurrent-per-wallet must be 0 (off) or more");
        }
        this.stripes = permits == 0 ? null : new Semaphore[STRIPES];
        if (stripes != null) {
            Arrays.setAll(stripes, i -> new Semaphore(permits, true));
        }
        this.timeoutNanos = timeout.toNanos();
    }

    public <T> T call(String wallet, Supplier<T> work) {
        if (stripes == null) {
            return work.get();
        }
        Semaphore stripe = stripes[Math.floorMod(wallet.hashCode() * 0x9E3779B9, STRIPES)];
        try {
            if (!stripe.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new WalletBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletBusyException();
        }
        try {
            return work.get();
        } finally {
            stripe.release();
        }
    }

    /** Too many payments of one wallet waited too long: 503, try again. */
    public static final class WalletBusyException extends RuntimeException {
        WalletBusyException() {
            super("too many payments of this wallet are in progress", null, false, false);
        }
    }
}
