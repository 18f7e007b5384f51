package adapters.rest;

import application.reconciliation.port.in.GetReconciliationReportUseCase;
import application.reconciliation.port.in.ListReconciliationItemsUseCase;
import application.reconciliation.port.in.StartReconciliationUseCase;
import domain.reconciliation.Category;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReportItem;
import domain.reconciliation.RunReport;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Trigger;
import domain.shared.InvalidValueException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Runs the daily reconciliation by hand and reads its report (docs/reconciliation.md). */
@Path("/api/v1/admin/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminReconciliationResource {
    static final String BASE = "/api/v1/admin/reconciliations/";
    private static final int DEFAULT_LIMIT = 100;

    private final StartReconciliationUseCase start;
    private final GetReconciliationReportUseCase reports;
    private final ListReconciliationItemsUseCase items;
    private final JsonWebToken caller;

    public AdminReconciliationResource(
            StartReconciliationUseCase start,
            GetReconciliationReportUseCase reports,
            ListReconciliationItemsUseCase items,
            JsonWebToken caller) {
        this.start = start;
        this.reports = reports;
        this.items = items;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@NotNull(message = "a JSON body {\"date\": \"yyyy-MM-dd\"} is required") StartRequest body) {
        LocalDate date = date(body.date());
        StartReconciliationUseCase.Result started =
                start.start(new StartReconciliationUseCase.Command(date, Trigger.MANUAL, caller.getSubject()));
        return Response.accepted(new StartedResponse(started.runId(), date, "RUNNING"))
                .location(URI.create(BASE + date))
                .build();
    }

    @GET
    @Path("/{date}")
    public RunReport report(@PathParam("date") String date) {
        return reports.report(date(date));
    }

    @GET
    @Path("/{date}/items")
    public ItemsResponse items(
            @PathParam("date") String date,
            @QueryParam("category") String category,
            @QueryParam("provider") String provider,
            @QueryParam("kind") String kind,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        ItemFilter filter = new ItemFilter(
                named(Category.class, "category", category), provider, named(StatementKind.class, "kind", kind));
        ListReconciliationItemsUseCase.Page page =
                items.page(date(date), filter, number("after", after, 0), (int) number("limit", limit, DEFAULT_LIMIT));
        return new ItemsResponse(page.runId(), page.items(), page.next());
    }

    @GET
    @Path("/{date}/report.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("date") String date) {
        LocalDate day = date(date);
        reports.report(day); // 404 before the first byte is written
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            writer.write(CsvReport.HEADER);
            items.export(day, item -> CsvReport.write(writer, item));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\"")
                .build();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("date", "a business date (yyyy-MM-dd) is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date", "date is a calendar date written yyyy-MM-dd, got '" + text + "'");
        }
        // years beyond PostgreSQL's and java.time's arithmetic (a day's end is the next day) are no business days
        if (date.getYear() < 1970 || date.getYear() > 9999) {
            throw new InvalidValueException("date", "date is between 1970-01-01 and 9999-12-31, got '" + text + "'");
        }
        return date;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(
                    field, field + " is one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
        }
    }

    private static long number(String field, String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " is a whole number, got '" + text + "'");
        }
    }

    public record StartRequest(String date) {}

    @RegisterForReflection
    public record StartedResponse(UUID runId, LocalDate date, String status) {}

    /** {@code next}: pass it as {@code after} for the following page; null on the last page. */
    public record ItemsResponse(UUID runId, List<ReportItem> items, Long next) {}

    /** The CSV report: one line per item, RFC 4180 quoting. */
    static final class CsvReport {
        static final String HEADER = "provider,kind,category,payment_key,line_no,pg_status,our_status,pg_amount,"
                + "our_amount,fee,expected_fee,net,expected_net,action,note\n";

        private CsvReport() {}

        static void write(BufferedWriter out, ReportItem i) {
            try {
                out.write(String.join(
                        ",",
                        cell(i.provider()),
                        i.kind().name(),
                        i.category().name(),
                        cell(i.paymentKey()),
                        cell(i.lineNo()),
                        cell(i.pgStatus()),
                        cell(i.ourStatus()),
                        cell(i.pgAmount()),
                        cell(i.ourAmount()),
                        cell(i.fee()),
                        cell(i.expectedFee()),
                        cell(i.net()),
                        cell(i.expectedNet()),
                        i.action().name(),
                        cell(i.note())));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String cell(Object value) {
            if (value == null) {
                return "";
            }
            String text = value.toString();
            boolean quote = text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0;
            // a leading =, +, - or @ would be a formula in a spreadsheet: quote-prefix it
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
                text = "'" + text;
            }
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }
    }
}
