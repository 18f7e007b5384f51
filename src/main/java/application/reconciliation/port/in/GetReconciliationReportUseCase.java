package application.reconciliation.port.in;

import domain.reconciliation.RunReport;
import java.time.LocalDate;

public interface GetReconciliationReportUseCase {
    int LINE_ERRORS_SHOWN = 100;

    /** @throws domain.shared.NotFoundException when the date was never reconciled */
    RunReport report(LocalDate date);
}
