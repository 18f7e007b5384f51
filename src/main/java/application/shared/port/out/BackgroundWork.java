package application.shared.port.out;

/** Runs work on a background thread of the service, outside the caller's request and transaction. */
public interface BackgroundWork {
    void submit(Runnable work);
}
