package org.sitekeeper.core.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.RoleNames;
import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.audit.AuditQuery;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.rest.api.JaxRs;

/** {@code GET /api/v1/audit}: the audit log for admins, newest first. */
@Component(service = AuditResource.class, property = JaxRs.RESOURCE)
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public final class AuditResource {

    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> list(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") String outcome,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return audit.query(new AuditQuery(
                Validate.optionalText("actor", actor, 120),
                Validate.optionalText("action", action, 80),
                Validate.optionalText("target", target, 200),
                AuditOutcome.parse("outcome", outcome),
                Validate.instant("since", since),
                Validate.instant("until", until),
                PageRequest.parse(limit, cursor)));
    }
}
