package dev.relaydesk.providers.setting;

import dev.relaydesk.providers.setting.ProviderSetting.Fallback;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin API's shapes for provider settings. The secret goes in, never out (except once, when generated). */
public final class ProviderViews {

    private ProviderViews() {
    }

    public record ProviderRequest(
            @Schema(description = "BUILT_IN (the platform's own behaviour) or EXTERNAL (a web service)") @NotNull Mode mode,
            @Schema(description = "The external service's URL: http or https; internal addresses only when allow-listed",
                    example = "https://crm.example.com/relaydesk/screening")
            @Size(max = 2000) String url,
            @Schema(description = "Signing secret (whsec_ + base64 key of 24 to 64 bytes). Write-only. Leave it out "
                    + "to keep the current one, or to have one generated the first time.", writeOnly = true)
            String secret,
            @Schema(description = "How long the caller waits for an answer, in ms: ticket creation (ticket-screening, "
                    + "default 2000; custom-fields, default 1500, at most 2500) or the agent's ticket page "
                    + "(user-information, default 1000, at most 1200)",
                    example = "1500")
            @Min(50) @Max(30000) Integer timeoutMs,
            @Schema(description = "What happens when the service does not answer in time or answers nonsense: "
                    + "ACCEPT_UNCHANGED (default) or REJECT")
            Fallback fallback,
            @Schema(description = "user-information: how long an answer is reused for the same client, in seconds "
                    + "(default 60; 0: ask every time)", example = "60")
            @Min(0) @Max(3600) Integer cacheTtlSeconds,
            @Schema(description = "Defaults to true") Boolean enabled,
            @Schema(description = "login: realm role of a user the external service knows, when Keycloak first "
                    + "imports them: client (default) or none", example = "client")
            String defaultRole,
            @Schema(description = "login: count every email the service vouches for as verified (default false)")
            Boolean markEmailVerified,
            @Schema(description = "login: the company's own login page, if any (absolute http or https URL); stored "
                    + "and shown, never called", example = "https://sso.example.com/login")
            @Size(max = 2000) String loginUrl) {

        @Override
        public String toString() {
            return "ProviderRequest[" + mode + ", " + url + "]"; // never the secret
        }
    }

    public record ProviderView(String kind, Mode mode, String url, boolean secretSet, int timeoutMs, Fallback fallback,
            @Schema(description = "user-information: seconds an answer is reused") Integer cacheTtlSeconds,
            boolean enabled, Instant updatedAt,
            @Schema(description = "Only in the answer that generated it: the secret to give the external service")
            String generatedSecret,
            @Schema(description = "login: client or none") String defaultRole,
            @Schema(description = "login: every email counts as verified") Boolean markEmailVerified,
            @Schema(description = "login: the company's own login page") String loginUrl) {

        static ProviderView of(ProviderSetting setting, String generatedSecret) {
            return new ProviderView(ProviderKinds.pathName(setting.kind), setting.mode, setting.url,
                    setting.secret != null, setting.timeoutMs,
                    ProviderKinds.hasFallback(setting.kind) ? setting.fallbackOrDefault() : null,
                    ProviderKinds.cachesAnswers(setting.kind) ? cacheTtl(setting) : null, setting.enabled,
                    setting.updatedAt, generatedSecret,
                    ProviderKinds.isLogin(setting.kind) ? setting.loginDefaultRole() : null,
                    ProviderKinds.isLogin(setting.kind) ? setting.loginEmailVerified() : null,
                    ProviderKinds.isLogin(setting.kind) ? setting.loginUrl : null);
        }

        private static Integer cacheTtl(ProviderSetting setting) {
            return setting.cacheTtlSeconds == null ? ProviderKinds.DEFAULT_CACHE_TTL_SECONDS : setting.cacheTtlSeconds;
        }
    }
}
