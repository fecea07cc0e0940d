package dev.relaydesk.portal.login;

import dev.relaydesk.contracts.LoginPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * provider-gateway's answer to "where do clients log in?": the login provider's own login page, if the admin named
 * one. Asked when a client follows a "log in" link, so it is bounded to 1 s, and a gateway that keeps failing is not
 * asked for a while (the client then logs in on Keycloak).
 */
@RegisterRestClient(configKey = "login-page")
@Path("/internal/login/page")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface LoginPageGateway {

    @GET
    @Timeout(1_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    LoginPage loginPage();
}
