package dev.relaydesk.providers.setting;

import dev.relaydesk.providers.outbound.OutboundUrlGuard;
import dev.relaydesk.providers.outbound.RefusedUrlException;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import dev.relaydesk.providers.setting.ProviderViews.ProviderRequest;
import dev.relaydesk.providers.setting.ProviderViews.ProviderView;
import dev.relaydesk.providers.signing.WebhookSignature;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins choose, per provider kind, the built-in behaviour or an external web service. */
@Path("/api/admin/providers/{kind}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Providers", description = "Built-in or external (URL + secret) providers, one per kind")
public class ProviderAdminResource {

    private final OutboundUrlGuard guard;

    ProviderAdminResource(OutboundUrlGuard guard) {
        this.guard = guard;
    }

    @GET
    public ProviderView get(@PathParam("kind") String kind) {
        return ProviderView.of(find(ProviderKinds.configurable(kind)), null);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Configure the provider of this kind",
            description = "The secret is write-only: when the gateway generates one, it is returned once, here, as generatedSecret.")
    public ProviderView put(@PathParam("kind") String kindName, @Valid @NotNull ProviderRequest request) {
        Kind kind = ProviderKinds.configurable(kindName);
        ProviderSetting setting = ProviderSetting.of(kind).orElseGet(() -> {
            ProviderSetting created = new ProviderSetting();
            created.id = UUID.randomUUID();
            created.kind = kind;
            created.createdAt = Instant.now();
            return created;
        });
        String generated = null;
        if (request.mode() == Mode.EXTERNAL) {
            setting.url = checkedUrl(request.url());
            if (request.secret() != null) {
                String problem = WebhookSignature.problemWith(request.secret());
                if (problem != null) {
                    throw new InvalidFieldException("secret", "The secret " + problem + ".");
                }
                setting.secret = request.secret();
            } else if (setting.secret == null) {
                generated = WebhookSignature.newSecret();
                setting.secret = generated;
            }
        } else {
            setting.url = null;
            setting.secret = null;
        }
        setting.mode = request.mode();
        if (request.timeoutMs() != null && request.timeoutMs() > ProviderKinds.maxTimeoutMs(kind)) {
            throw new InvalidFieldException("timeoutMs", "At most " + ProviderKinds.maxTimeoutMs(kind) + " ms for the "
                    + kindName + " provider.");
        }
        setting.timeoutMs = request.timeoutMs() == null ? ProviderKinds.defaultTimeoutMs(kind) : request.timeoutMs();
        setting.fallback = ProviderKinds.hasFallback(kind) ? request.fallback() : null;
        setting.cacheTtlSeconds = ProviderKinds.cachesAnswers(kind) ? request.cacheTtlSeconds() : null;
        applyLoginSettings(kind, setting, request);
        setting.enabled = request.enabled() == null || request.enabled();
        setting.updatedAt = Instant.now();
        setting.persist();
        return ProviderView.of(setting, generated);
    }

    @DELETE
    @Operation(summary = "Back to no provider of this kind (the platform's own behaviour)")
    public void delete(@PathParam("kind") String kind) {
        find(ProviderKinds.configurable(kind)).delete();
    }

    private static void applyLoginSettings(Kind kind, ProviderSetting setting, ProviderRequest request) {
        if (!ProviderKinds.isLogin(kind)) {
            return;
        }
        String role = request.defaultRole() == null ? ProviderSetting.ROLE_CLIENT : request.defaultRole().strip();
        if (!role.equals(ProviderSetting.ROLE_CLIENT) && !role.equals(ProviderSetting.ROLE_NONE)) {
            throw new InvalidFieldException("defaultRole", "client or none.");
        }
        setting.loginDefaultRole = role;
        setting.loginEmailVerified = Boolean.TRUE.equals(request.markEmailVerified());
        setting.loginUrl = checkedLoginUrl(request.loginUrl());
    }

    /** A page users' browsers open, not one the gateway calls: absolute http(s), no SSRF check needed. */
    private static String checkedLoginUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not absolute http(s)");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("loginUrl", "An absolute http or https URL.");
        }
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "An external provider needs the URL of its web service.");
        }
        try {
            guard.check(url.trim());
        } catch (RefusedUrlException e) {
            throw new InvalidFieldException("url", "The URL " + e.getMessage() + ".");
        }
        return url.trim();
    }

    private static ProviderSetting find(Kind kind) {
        return ProviderSetting.of(kind)
                .orElseThrow(() -> new NotFoundException("No " + ProviderKinds.pathName(kind) + " provider is configured."));
    }
}
