package dev.relaydesk.notification.template;

import dev.relaydesk.notification.delivery.MailComposer;
import dev.relaydesk.notification.ticket.KnownTicket;
import dev.relaydesk.notification.ticket.KnownTickets;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Admins read, override and reset each project's mail templates (one per kind and language), and preview a
 * template text against a ticket before saving it. A template that does not parse or names an unknown
 * placeholder is refused with 400, naming the part and line.
 */
@Path("/api/admin/templates")
@RolesAllowed("admin")
@Transactional
public class TemplateAdminResource {

    public record TemplateBody(@NotNull String subject, @NotNull String text, @NotNull String html) {

        TemplateText toText() {
            return new TemplateText(subject, text, html);
        }
    }

    public record TemplateView(String projectKey, String kind, String language, boolean overridden, String subject,
            String text, String html, Instant updatedAt, String updatedBy) {
    }

    public record TemplateSummary(String kind, String language, boolean overridden, Instant updatedAt, String updatedBy) {
    }

    /** @param ticketId a ticket the service has seen events of; unknown or absent, a sample ticket is used */
    public record PreviewRequest(UUID ticketId, @NotNull String subject, @NotNull String text, @NotNull String html) {
    }

    /** @param ticket "known" when the ticket's latest events filled the placeholders, "sample" otherwise */
    public record PreviewResponse(String subject, String text, String html, String ticket) {
    }

    private final TemplateCatalog catalog;
    private final TemplateRenderer renderer;
    private final KnownTickets knownTickets;
    private final MailComposer composer;
    private final SecurityIdentity identity;

    TemplateAdminResource(TemplateCatalog catalog, TemplateRenderer renderer, KnownTickets knownTickets,
            MailComposer composer, SecurityIdentity identity) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.knownTickets = knownTickets;
        this.composer = composer;
        this.identity = identity;
    }

    /** Every kind in every shipped language, saying which the project overrides. */
    @GET
    @Path("/{projectKey}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemplateSummary> list(@PathParam("projectKey") String projectKey) {
        List<TemplateSummary> summaries = new ArrayList<>();
        for (MailKind kind : MailKind.values()) {
            if (!kind.templated()) {
                continue;
            }
            for (String language : ShippedTemplates.LANGUAGES) {
                summaries.add(MailTemplate.find(projectKey, kind, language)
                        .map(own -> new TemplateSummary(kind.slug(), language, true, own.updatedAt, own.updatedBy))
                        .orElse(new TemplateSummary(kind.slug(), language, false, null, null)));
            }
        }
        return summaries;
    }

    /** The template the project's mails of this kind use in this language: its own, or the shipped one. */
    @GET
    @Path("/{projectKey}/{kind}/{language}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView read(@PathParam("projectKey") String projectKey, @PathParam("kind") String kind,
            @PathParam("language") String language) {
        MailKind mailKind = kindOf(kind);
        checkLanguage(language);
        return MailTemplate.find(projectKey, mailKind, language)
                .map(TemplateAdminResource::view)
                .orElseGet(() -> {
                    TemplateText shipped = catalog.effective(projectKey, mailKind, language).text();
                    return new TemplateView(projectKey, kind, language, false, shipped.subject(), shipped.text(),
                            shipped.html(), null, null);
                });
    }

    @PUT
    @Path("/{projectKey}/{kind}/{language}")
    public TemplateView put(@PathParam("projectKey") String projectKey, @PathParam("kind") String kind,
            @PathParam("language") String language, @Valid @NotNull TemplateBody body) {
        MailKind mailKind = kindOf(kind);
        checkLanguage(language);
        renderer.check(body.toText());
        MailTemplate own = MailTemplate.find(projectKey, mailKind, language).orElseGet(() -> {
            MailTemplate created = new MailTemplate();
            created.id = UUID.randomUUID();
            created.projectKey = projectKey;
            created.kind = mailKind;
            created.language = language;
            return created;
        });
        own.subject = body.subject();
        own.textBody = body.text();
        own.htmlBody = body.html();
        own.updatedAt = Instant.now();
        own.updatedBy = identity.getPrincipal().getName();
        own.persist();
        return view(own);
    }

    /** Back to the shipped template. */
    @DELETE
    @Path("/{projectKey}/{kind}/{language}")
    public void reset(@PathParam("projectKey") String projectKey, @PathParam("kind") String kind,
            @PathParam("language") String language) {
        MailTemplate own = MailTemplate.find(projectKey, kindOf(kind), language)
                .orElseThrow(() -> new NotFoundException("Project " + projectKey + " has no own " + kind
                        + " template in " + language + "."));
        own.delete();
    }

    @POST
    @Path("/preview")
    @Transactional(Transactional.TxType.SUPPORTS)
    public PreviewResponse preview(@Valid @NotNull PreviewRequest request) {
        Optional<KnownTicket> known = request.ticketId() == null ? Optional.empty()
                : knownTickets.find(request.ticketId());
        RenderedMail rendered = renderer.render(new TemplateText(request.subject(), request.text(), request.html()),
                known.map(composer::previewData).orElse(MailData.SAMPLE));
        return new PreviewResponse(rendered.subject(), rendered.text(), rendered.html(),
                known.isPresent() ? "known" : "sample");
    }

    private static TemplateView view(MailTemplate own) {
        return new TemplateView(own.projectKey, own.kind.slug(), own.language, true, own.subject, own.textBody,
                own.htmlBody, own.updatedAt, own.updatedBy);
    }

    private static MailKind kindOf(String slug) {
        return MailKind.ofSlug(slug).orElseThrow(() -> new NotFoundException("There is no mail kind " + slug + "."));
    }

    private static void checkLanguage(String language) {
        if (!ShippedTemplates.supports(language)) {
            throw new NotFoundException("Templates exist in " + ShippedTemplates.LANGUAGES + ", not in " + language + ".");
        }
    }
}
