package domain.payment;

import domain.shared.DomainException;

/** A card approval ({@code provider}, {@code approvalNo}) already sold seats: one approval sells once. */
public final class ApprovalAlreadyRecordedException extends DomainException {
    private final String provider;

    public ApprovalAlreadyRecordedException(String provider) {
        // the approval number stays out of the message (payment identifiers are not echoed, D37)
        super("this card approval of " + provider + " was already recorded for another box-office sale");
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
