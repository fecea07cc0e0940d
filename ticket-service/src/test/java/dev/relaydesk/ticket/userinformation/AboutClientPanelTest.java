package dev.relaydesk.ticket.userinformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.ticket.FakeProviderGateway;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's ticket page shows what the user-information provider knows of the client, as plain text, and still
 * opens, quickly, saying "not available", when provider-gateway is down or too slow.
 */
@QuarkusTest
@WithTestResource(FakeProviderGateway.class)
class AboutClientPanelTest {

    private static final String PURCHASES = """
            {"status": "AVAILABLE", "sections": [
              {"title": "Recent purchases", "items": [
                {"label": "Order 10-4471", "value": "<script>alert('pwned')</script> 12 seats",
                 "url": "https://shop.example.com/orders/10-4471?from=relay&desk=1"},
                {"label": "Sneaky link", "value": "click me", "url": "javascript:alert(1)"}]},
              {"title": "Licences & plans", "items": [{"label": "Plan", "value": "Business (25 seats)"}]}]}""";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");
    private String base;
    private HttpClient session;

    @BeforeEach
    void agentLoggedIn() {
        FakeProviderGateway.up();
        base = "http://127.0.0.1:" + root.getPort();
        session = WebLogin.logIn(base, "agent", "agent");
    }

    @AfterEach
    void gatewayBack() {
        FakeProviderGateway.up();
    }

    @Test
    void theTicketPageShowsTheProvidersSectionsAsPlainText() throws Exception {
        String project = TestProjects.create(admin, "AC");
        String client = TestTickets.uniqueClient("about");
        String id = TestProjects.openTicket(agentToken, project, Map.of("clientEmail", client, "clientName", "Ana Lima"));
        FakeProviderGateway.script(FakeProviderGateway.USER_INFORMATION, PURCHASES, 0);

        String page = page(id).body();

        assertTrue(page.contains("<h2 id=\"about-h\">About this client</h2>"), page);
        assertTrue(page.contains("<h3>Recent purchases</h3>"), page);
        assertTrue(page.contains("<h3>Licences &amp; plans</h3>"), page);
        assertTrue(page.contains("<dt>Order 10-4471</dt>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; 12 seats"), "the value is escaped: " + page);
        assertFalse(page.contains("<script>alert("), "no markup of the provider's reaches the page");
        assertTrue(page.contains("href=\"https://shop.example.com/orders/10-4471?from=relay&amp;desk=1\""), page);
        assertFalse(page.contains("javascript:"), "a non-http link is dropped, its text stays");
        assertTrue(page.contains("<dd>click me</dd>"), page);
        assertTrue(page.contains("<dd>Business (25 seats)</dd>"), page);

        assertEquals(1, FakeProviderGateway.lookups(FakeProviderGateway.USER_INFORMATION).size());
        FakeProviderGateway.Lookup lookup = FakeProviderGateway.lookups(FakeProviderGateway.USER_INFORMATION).get(0);
        String query = lookup.query();
        assertTrue(query.contains("email=" + client), query);
        assertTrue(query.contains("ticket=" + project + "-1"), query);
        assertTrue(query.contains("project=" + project), query);
        assertTrue(query.contains("name=Ana Lima"), query);
        assertEquals(internalKey, lookup.internalKey(), "asked with the internal key");
    }

    @Test
    void withoutAProviderThereIsNoPanel() throws Exception {
        String id = TestProjects.openTicket(agentToken, TestProjects.create(admin, "AN"), Map.of());
        FakeProviderGateway.script(FakeProviderGateway.USER_INFORMATION, "{\"status\": \"NOT_CONFIGURED\", \"sections\": []}", 0);

        HttpResponse<String> page = page(id);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Other tickets of this client"), page.body());
        assertFalse(page.body().contains("About this client"), page.body());
    }

    @Test
    void thePageStillOpensQuicklyWhenTheGatewayIsDownOrTooSlow() throws Exception {
        String id = TestProjects.openTicket(agentToken, TestProjects.create(admin, "AD"), Map.of());

        FakeProviderGateway.down();
        long start = System.nanoTime();
        HttpResponse<String> down = page(id);
        assertEquals(200, down.statusCode());
        assertTrue(down.body().contains("About this client"), down.body());
        assertTrue(down.body().contains("Not available right now."), down.body());
        assertTrue(millisSince(start) < 3_000, "down: took " + millisSince(start) + " ms");

        FakeProviderGateway.up();
        FakeProviderGateway.script(FakeProviderGateway.USER_INFORMATION, PURCHASES, 5_000);
        start = System.nanoTime();
        HttpResponse<String> slow = page(id);
        long took = millisSince(start);
        assertEquals(200, slow.statusCode());
        assertTrue(slow.body().contains("Not available right now."), slow.body());
        assertFalse(slow.body().contains("Recent purchases"), slow.body());
        assertTrue(took >= 1_000 && took < 4_000, "slow: gave up after about 1.5 s, took " + took + " ms");
    }

    private HttpResponse<String> page(String id) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(base + "/ui/tickets/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
