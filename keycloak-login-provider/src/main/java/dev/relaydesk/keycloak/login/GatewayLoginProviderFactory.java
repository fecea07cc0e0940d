package dev.relaydesk.keycloak.login;

import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * The "relaydesk-login" user federation: added to a realm as a component (the relaydesk realm has one). Where the
 * gateway is and its internal key come from the component's settings or, when those are empty, from Keycloak's
 * SPI options ({@code --spi-user-storage--relaydesk-login--gateway-url}, {@code ...--internal-key},
 * {@code ...--timeout-ms}), so that a realm file carries no key.
 */
public class GatewayLoginProviderFactory implements UserStorageProviderFactory<GatewayLoginProvider> {

    public static final String ID = "relaydesk-login";
    static final String GATEWAY_URL = "gatewayUrl";
    static final String INTERNAL_KEY = "internalKey";
    static final String TIMEOUT_MS = "timeoutMs";
    static final String DEFAULT_GATEWAY_URL = "http://127.0.0.1:8086";
    /** Longer than the gateway's own longest wait for the external service (login: at most 5 s). */
    static final int DEFAULT_TIMEOUT_MS = 6000;

    private String serverGatewayUrl;
    private String serverKey;
    private Integer serverTimeoutMs;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Relay Desk: users this realm does not know are looked up, and their passwords checked, by the login"
                + " provider of provider-gateway (which asks the company's own service). Found users are imported.";
    }

    @Override
    public void init(Config.Scope config) {
        serverGatewayUrl = config.get("gateway-url");
        serverKey = config.get("internal-key");
        serverTimeoutMs = config.getInt("timeout-ms");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(GATEWAY_URL).label("provider-gateway URL").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Base URL of provider-gateway, e.g. http://provider-gateway:8086. Empty: the server's "
                        + "spi-user-storage--relaydesk-login--gateway-url option, else " + DEFAULT_GATEWAY_URL)
                .add()
                .property().name(INTERNAL_KEY).label("Internal API key").type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .helpText("relaydesk.internal.api-key of provider-gateway. Empty: the server's "
                        + "spi-user-storage--relaydesk-login--internal-key option")
                .add()
                .property().name(TIMEOUT_MS).label("Timeout (ms)").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How long a login waits for the gateway; default " + DEFAULT_TIMEOUT_MS)
                .add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        String url = model.get(GATEWAY_URL);
        if (url != null && !url.isBlank() && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ComponentValidationException("The provider-gateway URL must start with http:// or https://");
        }
        String timeout = model.get(TIMEOUT_MS);
        if (timeout != null && !timeout.isBlank()) {
            try {
                if (Integer.parseInt(timeout.strip()) < 100) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ComponentValidationException("The timeout is a number of milliseconds, at least 100");
            }
        }
    }

    @Override
    public GatewayLoginProvider create(KeycloakSession session, ComponentModel model) {
        return new GatewayLoginProvider(session, model, client(model));
    }

    GatewayClient client(ComponentModel model) {
        String url = firstSet(model.get(GATEWAY_URL), serverGatewayUrl, DEFAULT_GATEWAY_URL);
        String key = firstSet(model.get(INTERNAL_KEY), serverKey, "");
        String timeout = model.get(TIMEOUT_MS);
        int timeoutMs = timeout != null && !timeout.isBlank() ? Integer.parseInt(timeout.strip())
                : serverTimeoutMs != null ? serverTimeoutMs : DEFAULT_TIMEOUT_MS;
        return new GatewayClient(url.strip(), key, Duration.ofMillis(timeoutMs));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
