package application.queue.port.in;

/** Opens the sales whose time has come: each pre-queue shuffled once and put in line (D52). */
public interface OpenSalesUseCase {
    /** Opens every due sale (at most a bounded number per call); returns how many fans were placed. */
    long openDue();
}
