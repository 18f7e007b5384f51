package domain.partnersync;

/**
 * The two sections of a sync run: NEW sends reservations not sent before (in keyset order, once
 * each); CHANGED re-sends tracked records whose state changed since their snapshot.
 */
public enum SyncSection {
    NEW,
    CHANGED
}
