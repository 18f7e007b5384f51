package adapters.report;

import domain.reconciliation.Category;
import domain.reconciliation.OpenCases;
import domain.reconciliation.ReportItem;
import domain.reconciliation.RunDigest;
import domain.reconciliation.RunReport;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StepSummary;
import java.util.Map;

/**
 * A run's digest as the people who act on it read it: an e-mail subject, an HTML body, a CSV
 * attachment (one row per provider, stage and category that has lines, then fees and payouts) and
 * a chat message. Plain string building, escaped: no template engine for three small documents.
 */
final class RunReportRendering {
    static final String CSV_HEADER = "provider,stage,status,category,count,amount\n";

    private RunReportRendering() {}

    static String subject(RunDigest digest) {
        RunReport r = digest.report();
        long mismatches = mismatches(r);
        return "Reconciliation " + r.date() + ": " + r.status() + ", " + mismatches + " mismatch"
                + (mismatches == 1 ? "" : "es") + ", " + digest.openCases().open() + " open case"
                + (digest.openCases().open() == 1 ? "" : "s");
    }

    static long mismatches(RunReport r) {
        long n = 0;
        for (RunReport.StepReport step : r.steps()) {
            for (Map.Entry<Category, StepSummary.Tally> e :
                    step.summary().categories().entrySet()) {
                if (e.getKey().opensCase()) {
                    n += e.getValue().count();
                }
            }
        }
        return n;
    }

    static String csv(RunDigest digest) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (RunReport.StepReport step : digest.report().steps()) {
            step.summary().categories().forEach((category, tally) -> {
                if (tally.count() > 0) {
                    row(out, step, category.name(), tally.count(), tally.amount());
                }
            });
            if (step.kind() == StatementKind.SETTLEMENTS && step.summary().items() > 0) {
                row(out, step, "FEES", 0, step.summary().fees());
                row(out, step, "EXPECTED_FEES", 0, step.summary().expectedFees());
                row(out, step, "PAYOUT", 0, step.summary().payout());
                row(out, step, "EXPECTED_PAYOUT", 0, step.summary().expectedPayout());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, RunReport.StepReport step, String category, long count, long amount) {
        out.append(cell(step.provider()))
                .append(',')
                .append(step.kind())
                .append(',')
                .append(step.status())
                .append(',')
                .append(category)
                .append(',')
                .append(count)
                .append(',')
                .append(amount)
                .append('\n');
    }

    private static String cell(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        return t.contains(",") || t.contains("\"") ? '"' + t.replace("\"", "\"\"") + '"' : t;
    }

    static String html(RunDigest digest) {
        RunReport r = digest.report();
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><body>");
        h.append("<h1>Reconciliation of ")
                .append(r.date())
                .append(": ")
                .append(r.status())
                .append("</h1>");
        h.append("<p>Run ").append(r.runId()).append(", ").append(esc(r.trigger() + " by " + r.requestedBy()));
        if (r.failureReason() != null) {
            h.append("<br>Failure: ").append(esc(r.failureReason()));
        }
        h.append("</p><h2>Per provider and stage</h2><table border=\"1\" cellpadding=\"4\">")
                .append("<tr><th>Provider</th><th>Stage</th><th>Status</th><th>Category</th><th>Count</th>")
                .append("<th>Amount</th></tr>");
        for (RunReport.StepReport step : r.steps()) {
            boolean any = false;
            for (Map.Entry<Category, StepSummary.Tally> e :
                    step.summary().categories().entrySet()) {
                if (e.getValue().count() > 0) {
                    any = true;
                    h.append("<tr><td>")
                            .append(esc(step.provider()))
                            .append("</td><td>")
                            .append(step.kind())
                            .append("</td><td>")
                            .append(step.status())
                            .append("</td><td>")
                            .append(e.getKey())
                            .append("</td><td>")
                            .append(e.getValue().count())
                            .append("</td><td>")
                            .append(e.getValue().amount())
                            .append("</td></tr>");
                }
            }
            if (!any) {
                h.append("<tr><td>")
                        .append(esc(step.provider()))
                        .append("</td><td>")
                        .append(step.kind())
                        .append("</td><td>")
                        .append(step.status())
                        .append("</td><td colspan=\"3\">")
                        .append(esc(step.failureReason() == null ? "no lines" : step.failureReason()))
                        .append("</td></tr>");
            }
        }
        h.append("</table><h2>Fees and payouts</h2><table border=\"1\" cellpadding=\"4\">")
                .append("<tr><th>Provider</th><th>Fees</th><th>Contract fees</th><th>Payout</th>")
                .append("<th>Expected payout</th></tr>");
        for (RunReport.StepReport step : r.steps()) {
            if (step.kind() == StatementKind.SETTLEMENTS) {
                StepSummary s = step.summary();
                h.append("<tr><td>")
                        .append(esc(step.provider()))
                        .append("</td><td>")
                        .append(s.fees())
                        .append("</td><td>")
                        .append(s.expectedFees())
                        .append("</td><td>")
                        .append(s.payout())
                        .append("</td><td>")
                        .append(s.expectedPayout())
                        .append("</td></tr>");
            }
        }
        OpenCases open = digest.openCases();
        h.append("</table><h2>Open cases: ").append(open.open()).append("</h2><p>By days open: ");
        h.append(esc(ages(open))).append("<br>By provider: ").append(esc(String.valueOf(open.byProvider())));
        h.append("</p><h2>Top mismatches</h2>");
        if (digest.topMismatches().isEmpty()) {
            h.append("<p>None.</p>");
        } else {
            h.append("<table border=\"1\" cellpadding=\"4\"><tr><th>Provider</th><th>Stage</th><th>Category</th>")
                    .append("<th>Payment key</th><th>PG amount</th><th>Our amount</th></tr>");
            for (ReportItem i : digest.topMismatches()) {
                h.append("<tr><td>")
                        .append(esc(i.provider()))
                        .append("</td><td>")
                        .append(i.kind())
                        .append("</td><td>")
                        .append(i.category())
                        .append("</td><td>")
                        .append(esc(i.paymentKey()))
                        .append("</td><td>")
                        .append(i.pgAmount() == null ? "" : i.pgAmount())
                        .append("</td><td>")
                        .append(i.ourAmount() == null ? "" : i.ourAmount())
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<p>Every line: GET /api/v1/admin/reconciliations/")
                .append(r.date())
                .append("/report.csv; cases: GET /api/v1/admin/reconciliations/cases?status=open</p>");
        return h.append("</body></html>").toString();
    }

    static String chat(RunDigest digest) {
        RunReport r = digest.report();
        StringBuilder t = new StringBuilder(subject(digest)).append('\n');
        for (RunReport.StepReport step : r.steps()) {
            t.append("• ")
                    .append(step.provider())
                    .append(' ')
                    .append(step.kind())
                    .append(' ')
                    .append(step.status());
            step.summary().categories().forEach((category, tally) -> {
                if (tally.count() > 0) {
                    t.append(", ")
                            .append(category)
                            .append(' ')
                            .append(tally.count())
                            .append(" (")
                            .append(tally.amount())
                            .append(')');
                }
            });
            if (step.kind() == StatementKind.SETTLEMENTS && step.summary().items() > 0) {
                t.append(", fees ")
                        .append(step.summary().fees())
                        .append(", payout ")
                        .append(step.summary().payout());
            }
            if (step.failureReason() != null) {
                t.append(" — ").append(step.failureReason());
            }
            t.append('\n');
        }
        t.append("Open cases by days open: ").append(ages(digest.openCases()));
        return t.toString();
    }

    private static String ages(OpenCases open) {
        StringBuilder s = new StringBuilder();
        open.byAge()
                .forEach((age, n) -> s.append(s.isEmpty() ? "" : ", ")
                        .append(age)
                        .append(": ")
                        .append(n));
        return s.toString();
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
