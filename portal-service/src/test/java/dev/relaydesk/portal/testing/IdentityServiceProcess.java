package dev.relaydesk.portal.testing;

import dev.relaydesk.localstack.services.ServiceCatalog;

/** The real identity-service, for the tests in which clients register: accounts land in the test Keycloak. */
public class IdentityServiceProcess extends ServiceProcess {

    /** Where the running identity-service answers. */
    public static volatile String baseUrl;

    public IdentityServiceProcess() {
        super(ServiceCatalog.IDENTITY, "relaydesk.identity.internal-url");
    }

    @Override
    void started(String url) {
        baseUrl = url;
    }
}
