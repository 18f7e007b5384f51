package application.partnersync.port.out;

import domain.partnersync.SyncBatch;
import java.util.Set;
import java.util.UUID;

/** The membership app server: takes a page of records, answers which it accepted (stored). */
public interface PartnerServer {
    /**
     * Posts the batch and returns the ids the server accepted (only ids of the batch's records).
     *
     * @throws PartnerServerException for any answer but 200 with a readable body, or no answer in time
     *     (after the client's own retries)
     */
    Set<UUID> send(SyncBatch batch);

    /** True when the sync is configured (an app server URL is set). */
    boolean configured();

    final class PartnerServerException extends RuntimeException {
        public PartnerServerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
