package dev.relaydesk.providers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The kinds of provider the gateway hosts, all configurable: "events" (webhook subscriptions, under
 * /api/admin/webhooks) and the others under /api/admin/providers/{kind}.
 */
@Path("/api/provider-kinds")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderCatalogResource {

    public record ProviderKind(String name, String purpose) {
    }

    @GET
    public List<ProviderKind> kinds() {
        return List.of(
                new ProviderKind("login", "checks credentials and tells who a user is"),
                new ProviderKind("registration", "is told of, and may veto, a client's registration"),
                new ProviderKind("custom-fields", "supplies extra ticket fields and their values"),
                new ProviderKind("ticket-screening", "redirects, completes or rejects a ticket before it is created"),
                new ProviderKind("user-information", "shows agents what a third party knows of the client"),
                new ProviderKind("events", "receives ticket events as signed webhooks"));
    }
}
