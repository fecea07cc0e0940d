package dev.relaydesk.providers.webhook;

import dev.relaydesk.providers.webhook.WebhookDelivery.Status;
import dev.relaydesk.providers.webhook.WebhookViews.CreatedWebhook;
import dev.relaydesk.providers.webhook.WebhookViews.DeliveryView;
import dev.relaydesk.providers.webhook.WebhookViews.WebhookRequest;
import dev.relaydesk.providers.webhook.WebhookViews.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins subscribe URLs to ticket events, read each subscription's delivery log and redeliver. */
@Path("/api/admin/webhooks")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Ticket events POSTed to subscribed URLs, signed the Standard Webhooks way")
public class WebhookAdminResource {

    private final WebhookSubscriptions subscriptions;

    WebhookAdminResource(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to ticket events",
            description = "The secret is write-only: a generated one is returned once, in this answer, as generatedSecret.")
    public Response create(@Valid @NotNull WebhookRequest request, @Context UriInfo uri) {
        CreatedWebhook created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    public List<WebhookView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a subscription", description = "Leave the secret out to keep the current one.")
    public WebhookView update(@PathParam("id") UUID id, @Valid @NotNull WebhookRequest request) {
        return subscriptions.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first: status, attempts, last status code, latency and error")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return subscriptions.deliveries(id, status, limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivered or dead-lettered delivery again")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(subscriptions.redeliver(id, deliveryId)).build();
    }
}
