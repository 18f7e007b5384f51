package application.queue.port.in;

/** An operator reads a concert's on-sale time and the audit of its opening (D52). */
public interface GetSaleOpeningUseCase {
    SaleOpeningView get(long concertId);
}
