package domain.reconciliation;

/** A line of a statement file that could not be read, and why. */
public record LineError(long lineNo, String reason) {}
