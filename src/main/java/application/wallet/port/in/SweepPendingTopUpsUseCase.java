package application.wallet.port.in;

/**
 * Asks the PGs about PENDING top-ups older than {@code wallet.pending-sweep.after} (a confirm whose
 * answer was lost and whose owner never asked again) and settles those the PG has decided: credited
 * once, or closed. Returns how many top-ups it asked about.
 */
public interface SweepPendingTopUpsUseCase {
    long sweep();
}
