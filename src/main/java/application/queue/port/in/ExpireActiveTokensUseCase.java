package application.queue.port.in;

public interface ExpireActiveTokensUseCase {
    /** Drops every ACTIVE token whose TTL has passed; returns how many. */
    long expireAll();
}
