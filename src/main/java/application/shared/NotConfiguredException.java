package application.shared;

/**
 * A call this deployment cannot serve because a feature it needs is not configured (no payment
 * gateway for top-ups, no provider to reconcile): nothing was done, and retrying does not help until
 * an operator sets it up. {@code slug} names the problem ({@code urn:concert-booking:problem:<slug>}),
 * the message the setting that is missing. Not an outage: it is answered as a 409 problem, never as a
 * 503 or a dependency failure (D68).
 */
public final class NotConfiguredException extends RuntimeException {
    private final String slug;

    public NotConfiguredException(String slug, String message) {
        super(message, null, false, false);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
