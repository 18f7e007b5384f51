package application.queue.port.in;

import domain.shared.UserId;

/** The waiting room's word to the features only admitted fans may use (catalogue, holds). */
public interface CheckAdmissionUseCase {
    /**
     * Returns when the queue token is the caller's, ACTIVE, and for this concert; otherwise throws
     * {@code QueueAccessDeniedException} (forged, borrowed, other concert, still waiting, ended).
     */
    void requireAdmitted(UserId userId, String rawToken, long concertId);
}
