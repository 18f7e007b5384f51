package application.queue.port.in;

public interface AdmitWaitingUsersUseCase {
    /** One admission round over every waiting room; returns how many fans were let in. */
    long admitAll();
}
