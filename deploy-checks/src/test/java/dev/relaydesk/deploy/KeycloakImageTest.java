package dev.relaydesk.deploy;

import static dev.relaydesk.deploy.Violations.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * deploy/keycloak/Dockerfile, the Keycloak image docker-compose.yml and the Kubernetes overlays run, read as text:
 * no Docker engine builds it here, so what is checked is that it takes the jar the provider module builds, at the
 * Keycloak release that jar is compiled against, into providers/ before `kc.sh build`.
 */
class KeycloakImageTest {

    private static final LoginProviderModule PROVIDER = LoginProviderModule.read(Repository.root());

    /** The facts the other checks rely on come from the module itself, not from a copy here. */
    @Test
    void theProviderModuleIsReadFromItsSources() {
        assertEquals("relaydesk-login", PROVIDER.providerId());
        assertEquals("keycloak-login-provider/target/keycloak-login-provider.jar", PROVIDER.jarPath());
        assertTrue(PROVIDER.serverOptions().containsAll(LoginProviderModule.REQUIRED_OPTIONS),
                () -> "the factory reads " + PROVIDER.serverOptions());
        assertEquals("KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__GATEWAY_URL", PROVIDER.environmentVariable("gateway-url"));
    }

    @Test
    void theKeycloakImageIsBuiltWithTheLoginProvider() {
        String dockerfile = ServiceModule.read(Repository.root().resolve("deploy/keycloak/Dockerfile"));
        assertNone("deploy/keycloak/Dockerfile", KeycloakProviderRules.dockerfile(dockerfile, PROVIDER));
    }
}
