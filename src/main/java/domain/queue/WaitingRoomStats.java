package domain.queue;

/** A waiting room at a glance, for operators. */
public record WaitingRoomStats(long concertId, long waiting, long active, int maxActive) {}
