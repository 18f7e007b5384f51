package application.booking.port.in;

import java.util.UUID;

/** A box-office sale by id, with its tickets and reconciliation state (D61). */
public interface GetBoxOfficeSaleUseCase {
    /** @throws domain.shared.NotFoundException when there is no such sale */
    BoxOfficeSaleView get(UUID saleId);
}
