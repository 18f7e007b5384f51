package application.reconciliation.port.out;

import domain.reconciliation.CaseStatus;
import domain.reconciliation.Category;
import domain.reconciliation.OpenCases;
import domain.reconciliation.ReconciliationCase;
import domain.reconciliation.RecordType;
import domain.reconciliation.Resolution;
import domain.reconciliation.StatementKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reconciliation cases (decision D59), in the caller's transaction. */
public interface ReconciliationCases {
    /**
     * After a stage's items are written: closes ({@link Resolution#AUTO_CLOSED}, by {@code
     * closedBy}, with a note naming the run and the record's category now) every open case of the
     * stage whose record has an item in this run of another category that is not in {@code
     * heldBack}; then opens a case for every item of {@code opening} categories unless one is open
     * for the same record, stage and category or one was closed with a resolution in {@code
     * settledBy}. A case names our record as {@code records} (its type) when the item has one.
     */
    Changes sync(
            UUID runId,
            String provider,
            RecordType records,
            StatementKind kind,
            LocalDate date,
            Instant now,
            List<Category> opening,
            List<Category> heldBack,
            List<Resolution> settledBy,
            String closedBy);

    record Changes(long opened, long closed) {}

    /** Cases of {@code status} in list order after position {@code afterSeq}, at most {@code limit}. */
    List<Listed> page(CaseStatus status, long afterSeq, int limit);

    /** A case with its list position (the keyset cursor). */
    record Listed(long seq, ReconciliationCase reconciliationCase) {}

    Optional<ReconciliationCase> find(UUID id);

    /** Stores a person's resolution, only if the case is still open (false: someone was first). */
    boolean resolve(ReconciliationCase resolved);

    /** Open cases counted per provider and whole days open at {@code now}. */
    List<OpenCases.Count> openCounts(Instant now);
}
