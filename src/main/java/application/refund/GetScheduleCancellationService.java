package application.refund;

import application.refund.port.in.GetScheduleCancellationUseCase;
import application.refund.port.out.ScheduleCancellations;
import domain.refund.ScheduleCancellation;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class GetScheduleCancellationService implements GetScheduleCancellationUseCase {
    private final ScheduleCancellations cancellations;

    public GetScheduleCancellationService(ScheduleCancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    @Transactional
    public ScheduleCancellation get(long scheduleId) {
        return cancellations
                .find(scheduleId)
                .orElseThrow(() -> new NotFoundException("schedule cancellation", scheduleId));
    }
}
