package adapters.rest;

import application.reconciliation.port.in.GetReconciliationReportUseCase;
import application.reconciliation.port.in.GetRecordHistoryUseCase;
import application.reconciliation.port.in.ListReconciliationItemsUseCase;
import application.reconciliation.port.in.ReconcileRangeUseCase;
import application.reconciliation.port.in.StartReconciliationUseCase;
import domain.reconciliation.Category;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.RecordHistoryEntry;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the daily reconciliation by hand and reads its report (docs/reconciliation.md). */
@Path("/api/v1/admin/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.RECONCILIATION)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminReconciliationResource {
    static final String BASE = "/api/v1/admin/reconciliations/";
    private static final int DEFAULT_LIMIT = 100;

    private final StartReconciliationUseCase start;
    private final GetReconciliationReportUseCase reports;
    private final ListReconciliationItemsUseCase items;
    private final ReconcileRangeUseCase range;
    private final GetRecordHistoryUseCase history;
    private final JsonWebToken caller;

    public AdminReconciliationResource(
            StartReconciliationUseCase start,
            GetReconciliationReportUseCase reports,
            ListReconciliationItemsUseCase items,
            ReconcileRangeUseCase range,
            GetRecordHistoryUseCase history,
            JsonWebToken caller) {
        this.start = start;
        this.reports = reports;
        this.items = items;
        this.range = range;
        this.history = history;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startReconciliation",
            summary = "Reconcile a business date (or one provider of it, or a range of dates) now",
            description = "{date}: starts a run against the gateways' files of that date (docs/reconciliation.md); "
                    + "one run per date at a time, and only once that day is over. {date, provider}: re-runs that "
                    + "provider only (its results replace the provider's earlier ones of the date). {from, to}: "
                    + "re-runs every date of the range once, in order, in the background (at most "
                    + "reconciliation.max-range-days dates); each date's report is read as usual.")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = StartRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "The run has started; read it at the Location (a range: the dates and each date's report)",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = StartedResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "409",
            description = "That date is being reconciled: urn:concert-booking:problem:reconciliation-running; the "
                    + "Location names the running report",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response start(@NotNull(message = "a JSON body {\"date\": \"yyyy-MM-dd\"} is required") StartRequest body) {
        if (body.from() != null || body.to() != null) {
            if (body.date() != null || body.provider() != null) {
                throw new InvalidValueException("date", "give either date (and provider) or from and to, not both");
            }
            LocalDate from = date("from", body.from());
            LocalDate to = date("to", body.to());
            ReconcileRangeUseCase.Result range =
                    this.range.start(new ReconcileRangeUseCase.Command(from, to, caller.getSubject()));
            return Response.accepted(new StartedResponse(
                            null,
                            null,
                            "RUNNING",
                            range.from(),
                            range.to(),
                            range.dates().stream()
                                    .map(d -> new RangeDate(d, BASE + d))
                                    .toList()))
                    .location(URI.create(BASE + range.from()))
                    .build();
        }
        LocalDate date = date(body.date());
        if (body.provider() != null
                && (body.provider().isBlank() || body.provider().length() > 32)) {
            throw new InvalidValueException("provider", "provider is the name of a configured provider");
        }
        StartReconciliationUseCase.Result started = start.start(
                new StartReconciliationUseCase.Command(date, body.provider(), Trigger.MANUAL, caller.getSubject()));
        return Response.accepted(new StartedResponse(started.runId(), date, "RUNNING", null, null, null))
                .location(URI.create(BASE + date))
                .build();
    }

    @GET
    @Path("/{date}")
    @Operation(
            operationId = "getReconciliation",
            summary = "Read a date's reconciliation",
            description = "The latest run of the date, step by step (one step per provider and file kind).")
    @APIResponse(
            responseCode = "200",
            description = "The run's report",
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public RunReport report(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date) {
        return reports.report(date(date));
    }

    @GET
    @Path("/{date}/items")
    @Operation(
            operationId = "listReconciliationItems",
            summary = "List a run's classified lines",
            description = "One page of the latest run's lines, filtered; pass next as after for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = ItemsResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public ItemsResponse items(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date,
            @Parameter(description = "only lines of this category", schema = @Schema(implementation = Category.class))
                    @QueryParam("category")
                    String category,
            @Parameter(
                            description = "only lines of this provider",
                            schema = @Schema(type = SchemaType.STRING, example = "toss"))
                    @QueryParam("provider")
                    String provider,
            @Parameter(
                            description = "only lines of this file kind",
                            schema = @Schema(implementation = StatementKind.class))
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description = "the next value of the previous page",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0"))
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "lines per page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit) {
        ItemFilter filter = new ItemFilter(
                named(Category.class, "category", category), provider, named(StatementKind.class, "kind", kind));
        ListReconciliationItemsUseCase.Page page =
                items.page(date(date), filter, number("after", after, 0), (int) number("limit", limit, DEFAULT_LIMIT));
        return new ItemsResponse(page.runId(), page.items(), page.next());
    }

    @GET
    @Path("/{date}/report.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "downloadReconciliationReport",
            summary = "Download a run's lines as CSV",
            description = "Every line of the latest run, RFC 4180, one header line; cells that a spreadsheet would "
                    + "read as a formula are prefixed with a quote.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No run of that date: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response csv(
            @Parameter(
                            description = "the business date, 1970-01-01 to 9999-12-31",
                            schema = @Schema(type = SchemaType.STRING, format = "date", example = "2031-05-01"))
                    @PathParam("date")
                    String date) {
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

    @GET
    @Path("/records/{id}/history")
    @Operation(
            operationId = "getReconciliationRecordHistory",
            summary = "Read a record's reconciliation history",
            description = "The record's (a top-up's) reconciliation state and every change of it, oldest first, with "
                    + "the run, date, provider and stage that made it; pass next as after for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "The state and one page of its history",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = HistoryResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No record with that id: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public HistoryResponse history(
            @Parameter(
                            description = "the record's id (a top-up id)",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "the next value of the previous page",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0"))
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "changes per page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit) {
        GetRecordHistoryUseCase.Page page = history.history(
                ReservationResource.uuidOrNotFound("reconciled record", id), number("after", after, 0), (int)
                        number("limit", limit, DEFAULT_LIMIT));
        return new HistoryResponse(
                page.record().type(), page.record().id(), page.record().state(), page.entries(), page.next());
    }

    private static LocalDate date(String text) {
        return date("date", text);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "a business date (yyyy-MM-dd) is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(
                    field, field + " is a calendar date written yyyy-MM-dd, got '" + text + "'");
        }
        // years beyond PostgreSQL's and java.time's arithmetic (a day's end is the next day) are no business days
        if (date.getYear() < 1970 || date.getYear() > 9999) {
            throw new InvalidValueException(field, field + " is between 1970-01-01 and 9999-12-31, got '" + text + "'");
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

    @Schema(
            name = "StartReconciliationRequest",
            description = "The business date to reconcile (optionally one provider of it), or a range of dates")
    public record StartRequest(
            @Schema(format = "date", description = "a day that is over", example = "2031-05-01")
            String date,

            @Schema(description = "re-run only this configured provider of the date", example = "ksnet")
            String provider,

            @Schema(format = "date", description = "first date of a range re-run", example = "2031-05-01")
            String from,

            @Schema(
                    format = "date",
                    description = "last date of a range re-run (a day that is over)",
                    example = "2031-05-03")
            String to) {}

    @RegisterForReflection
    @Schema(name = "ReconciliationRangeDate", description = "One date of a range re-run and where its report is")
    public record RangeDate(
            @Schema(required = true) LocalDate date,

            @Schema(required = true, example = "/api/v1/admin/reconciliations/2031-05-01")
            String report) {}

    @RegisterForReflection
    @Schema(name = "ReconciliationRecordHistory", description = "A record's reconciliation state and its changes")
    public record HistoryResponse(
            @Schema(required = true, enumeration = "TOPUP") String recordType,
            @Schema(required = true, format = "uuid") UUID recordId,

            @Schema(
                    required = true,
                    description = "UNRECONCILED, MATCHED, ACQUIRED, SETTLED or a mismatch category",
                    example = "ACQUIRED")
            String state,

            @Schema(required = true) List<RecordHistoryEntry> entries,

            @Schema(nullable = true, format = "int64", description = "pass it as after; null on the last page")
            Long next) {}

    /** A date's run ({@code runId}, {@code date}), or a range re-run ({@code from}, {@code to}, {@code dates}). */
    @RegisterForReflection
    @Schema(
            name = "StartedReconciliation",
            description = "A run that has started ({date}), or a range re-run that has started ({from, to})")
    public record StartedResponse(
            @Schema(nullable = true, format = "uuid", description = "the run; null for a range")
            UUID runId,

            @Schema(nullable = true, description = "the run's date; null for a range")
            LocalDate date,

            @Schema(required = true, enumeration = "RUNNING")
            String status,

            @Schema(nullable = true, description = "a range's first date")
            LocalDate from,

            @Schema(nullable = true, description = "a range's last date")
            LocalDate to,

            @Schema(nullable = true, description = "a range's dates in the order they run")
            List<RangeDate> dates) {}

    /** {@code next}: pass it as {@code after} for the following page; null on the last page. */
    @Schema(name = "ReconciliationItems", description = "One page of a run's classified lines")
    public record ItemsResponse(
            @Schema(required = true, format = "uuid") UUID runId,
            @Schema(required = true) List<ReportItem> items,

            @Schema(nullable = true, format = "int64", description = "pass it as after; null on the last page")
            Long next) {}

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
