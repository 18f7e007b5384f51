package adapters.report;

import adapters.config.ReconciliationConfig;
import application.reconciliation.port.out.RunReportChannel;
import domain.reconciliation.RunDigest;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The run's report by e-mail (quarkus-mailer, SMTP settings under {@code quarkus.mailer.*}): HTML
 * body, the summary as a CSV attachment, to {@code reconciliation.report.to} from {@code
 * reconciliation.report.from}. No recipients: nothing is sent, said once at start-up.
 */
@ApplicationScoped
public class MailRunReportChannel implements RunReportChannel {
    private static final Logger LOG = Logger.getLogger(MailRunReportChannel.class);

    private final Mailer mailer;
    private final List<String> to;
    private final String from;
    private final Guard guard;

    public MailRunReportChannel(Mailer mailer, ReconciliationConfig config) {
        this.mailer = mailer;
        this.to = config.report().to().orElse(List.of()).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        this.from = config.report().from().orElse(null);
        this.guard = RetryGuard.of("reconciliation report e-mail", config.report());
        if (to.isEmpty()) {
            LOG.info("reconciliation.report.to names no recipient: run reports are not sent by e-mail");
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean configured() {
        return !to.isEmpty();
    }

    @Override
    public void deliver(RunDigest digest) {
        Mail mail = new Mail()
                .setTo(to)
                .setSubject(RunReportRendering.subject(digest))
                .setHtml(RunReportRendering.html(digest))
                .addAttachment(
                        "reconciliation-" + digest.report().date() + ".csv",
                        RunReportRendering.csv(digest).getBytes(StandardCharsets.UTF_8),
                        "text/csv; charset=utf-8");
        if (from != null) {
            mail.setFrom(from);
        }
        try {
            guard.call(
                    () -> {
                        mailer.send(mail);
                        return null;
                    },
                    Void.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
