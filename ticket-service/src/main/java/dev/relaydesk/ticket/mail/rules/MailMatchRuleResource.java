package dev.relaydesk.ticket.mail.rules;

import dev.relaydesk.ticket.mail.rules.MailMatchRule.Source;
import dev.relaydesk.ticket.mail.rules.MailMatchRule.Yields;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Admins teach the platform how to thread mail from senders that strip threading headers (ticketing systems,
 * monitoring): rules applied after the reply address and the mail thread, before a ticket number in the subject.
 */
@Path("/api/admin/mail-match-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class MailMatchRuleResource {

    static final int MAX_PATTERN = 500;

    /**
     * @param sender     the address the rule trusts ({@code alerts@mon.example}), or {@code @mon.example} for a domain
     *                   and its subdomains; mail from anyone else is never matched by the rule
     * @param source     HEADER (name it in headerName), SUBJECT or BODY
     * @param pattern    a Java regular expression with exactly one capture group
     * @param yields     TICKET_NUMBER (the group is a number such as SUP-42) or EXTERNAL_REFERENCE (the sender's own
     *                   id: the mail that first carries it opens a ticket, later mails with it thread onto that one)
     */
    public record NewRule(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 320) @Pattern(regexp = "[^@\\s]*@[^@\\s]+\\.[^@\\s]+",
                    message = "an address (alerts@mon.example) or a domain (@mon.example)") String sender,
            @NotNull Source source,
            @Size(max = 100) @Pattern(regexp = "[!-9;-~]+", message = "a header name such as X-Alert-Id") String headerName,
            @NotBlank @Size(max = MAX_PATTERN) String pattern,
            @NotNull Yields yields) {
    }

    public record RuleView(UUID id, String name, String sender, Source source, String headerName, String pattern,
            Yields yields, Instant createdAt) {

        static RuleView of(MailMatchRule rule) {
            return new RuleView(rule.id, rule.name, rule.sender, rule.source, rule.headerName, rule.pattern,
                    rule.yields, rule.createdAt);
        }
    }

    @GET
    public List<RuleView> list() {
        return MailMatchRule.<MailMatchRule>listAll(io.quarkus.panache.common.Sort.by("createdAt").and("id")).stream()
                .map(RuleView::of).toList();
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Add a rule that threads mail from one sender by a pattern in a header, the subject or the body")
    @APIResponse(responseCode = "201", description = "The rule")
    @APIResponse(responseCode = "400", description = "A missing or invalid field: a pattern that does not compile or"
            + " has not exactly one capture group, a header rule without headerName; the errors name the field",
            content = @Content(mediaType = "application/problem+json"))
    public RuleView create(@Valid @NotNull NewRule request) {
        if (request.source() == Source.HEADER && (request.headerName() == null || request.headerName().isBlank())) {
            throw new InvalidFieldException("headerName", "A header rule needs the header's name");
        }
        if (request.source() != Source.HEADER && request.headerName() != null) {
            throw new InvalidFieldException("headerName", "Only a HEADER rule has a header name");
        }
        java.util.regex.Pattern compiled;
        try {
            compiled = java.util.regex.Pattern.compile(request.pattern());
        } catch (PatternSyntaxException e) {
            throw new InvalidFieldException("pattern", "Not a valid regular expression: " + e.getDescription());
        }
        if (compiled.matcher("").groupCount() != 1) {
            throw new InvalidFieldException("pattern", "Needs exactly one capture group, the part that names the ticket"
                    + " (use (?:...) for other groups)");
        }
        MailMatchRule rule = new MailMatchRule();
        rule.id = UUID.randomUUID();
        rule.name = request.name().strip();
        rule.sender = request.sender().strip().toLowerCase(Locale.ROOT);
        rule.source = request.source();
        rule.headerName = request.headerName() == null ? null : request.headerName().strip().toLowerCase(Locale.ROOT);
        rule.pattern = request.pattern();
        rule.yields = request.yields();
        rule.createdAt = Instant.now();
        rule.persist();
        return RuleView.of(rule);
    }

    /** Its remembered references go with it. */
    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public void delete(@PathParam("id") UUID id) {
        if (!MailMatchRule.deleteById(id)) {
            throw new NotFoundException("No such rule");
        }
    }
}
