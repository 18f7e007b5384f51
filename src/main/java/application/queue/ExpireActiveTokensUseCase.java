package application.queue;

public interface ExpireActiveTokensUseCase {
    /** Drops every ACTIVE token whose TTL has passed; returns how many. */
    long expireAll();
}
