package application.booking;

import application.booking.port.in.BoxOfficeSaleView;
import application.booking.port.in.GetBoxOfficeSaleUseCase;
import application.booking.port.out.BoxOfficeSales;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GetBoxOfficeSaleService implements GetBoxOfficeSaleUseCase {
    private final BoxOfficeSales sales;

    public GetBoxOfficeSaleService(BoxOfficeSales sales) {
        this.sales = sales;
    }

    @Override
    public BoxOfficeSaleView get(UUID saleId) {
        return sales.findById(saleId)
                .map(SellAtBoxOfficeService::view)
                .orElseThrow(() -> new NotFoundException("box-office sale", saleId));
    }
}
