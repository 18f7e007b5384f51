package domain.reconciliation;

import java.util.UUID;

/** One of our records the reconciliation follows, by a generic key (type + id), with its current state. */
public record ReconciledRecord(String type, UUID id, String state) {
    public static final String TOPUP = RecordType.TOPUP.name();
    public static final String BOX_OFFICE_SALE = RecordType.BOX_OFFICE_SALE.name();
}
