package adapters.rest;

import domain.reconciliation.CaseAlreadyResolvedException;
import domain.reconciliation.ReconciliationRunningException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems of the reconciliation endpoints. */
public class ReconciliationProblems {
    @ServerExceptionMapper
    public Response running(ReconciliationRunningException e, UriInfo uri) {
        Response.ResponseBuilder response = Locations.at(
                Problem.of(Status.CONFLICT, "reconciliation-running", e.getMessage())
                        .at(uri.getPath())
                        .toResponse(),
                AdminReconciliationResource.BASE + e.date());
        return response.build();
    }

    @ServerExceptionMapper
    public Response caseResolved(CaseAlreadyResolvedException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, "case-already-resolved", e.getMessage())
                .at(uri.getPath())
                .toResponse()
                .build();
    }
}
