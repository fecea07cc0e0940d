package dev.relaydesk.portal.field;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.portal.testing.ClientLogin;
import dev.relaydesk.portal.testing.CustomFieldsGatewayStub;
import dev.relaydesk.portal.testing.IdentityServiceProcess;
import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A project's custom fields on the portal's forms, against the real ticket-service (which checks the values) and a
 * real HTTP server in place of provider-gateway's custom-fields provider: the web form offers the fields the portal
 * profile marks visible; a logged-in client's "add ticket" form shows the provider's field pre-filled (in headless
 * Chromium), and the value reaches the ticket; a slow provider does not hold the form.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
@WithTestResource(IdentityServiceProcess.class)
@WithTestResource(CustomFieldsGatewayStub.class)
class CustomFieldFormsTest {

    private static final String PASSWORD = "copper valley window";

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);

    @Test
    void theWebFormOffersTheFieldsTheProfileMarksVisibleAndTicketServiceChecksTheirValues() {
        String project = "CF" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Billing", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        addField(project, Map.of("key", "customerId", "label", "Customer id", "type", "TEXT", "required", true));
        addField(project, Map.of("key", "plan", "label", "Plan", "type", "SELECT", "options", List.of("Basic", "Pro")));
        addField(project, Map.of("key", "internalCode", "label", "Internal code", "type", "TEXT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("showPriority", false, "showType", false, "visibleCustomFields", List.of("plan", "customerId")))
                .put("/api/admin/portal-profiles/{key}", project).then().statusCode(200)
                .body("visibleCustomFields", equalTo(List.of("plan", "customerId")));

        String form = get("/form/" + project).then().statusCode(200).extract().asString();
        assertTrue(form.contains("<label for=\"cf-customerId\">Customer id</label>"), form);
        assertTrue(form.contains("name=\"cf.plan\"") && form.contains("<option value=\"Pro\">Pro</option>"));
        assertTrue(form.indexOf("cf-customerId") < form.indexOf("cf-plan"), "in the project's order");
        assertFalse(form.contains("internalCode"), "a field the profile does not mark visible is not offered");

        // ticket-service refuses a value: a readable page, with everything the client typed kept
        String email = "fields-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, String> typed = new LinkedHashMap<>(Map.of("name", "Kim Client", "email", email,
                "title", "Invoice <b>twice</b>", "description", "I was charged twice.", "website", "",
                "requestId", hidden(form, "requestId"), "csrf", hidden(form, "csrf"), "cf.customerId", "C-1042",
                "cf.plan", "Gold"));
        Response refused = post("/form/" + project, typed);
        refused.then().statusCode(400);
        String page = refused.asString();
        assertTrue(page.contains("Plan must be one of [Basic, Pro]"), page);
        assertTrue(page.contains("id=\"cf-plan-error\""), "the message sits next to the field");
        assertTrue(page.contains("value=\"C-1042\"") && page.contains("value=\"Invoice &lt;b&gt;twice&lt;/b&gt;\"")
                && page.contains("I was charged twice."), "what the client typed is kept");

        // a good value opens the ticket with it; a value posted for a field not offered is dropped
        typed.put("cf.plan", "Pro");
        typed.put("cf.internalCode", "set-by-a-crafted-post");
        typed.put("csrf", hidden(page, "csrf"));
        typed.put("requestId", hidden(page, "requestId"));
        post("/form/" + project, typed).then().statusCode(303);
        Map<String, Object> fields = customFieldsOfTicketOf(email);
        assertEquals(Map.of("customerId", "C-1042", "plan", "Pro"), fields);
    }

    @Test
    void aLoggedInClientsAddTicketFormShowsTheProvidersFieldPreFilledAndTheValueReachesTheTicket() {
        addSupCustomerIdField();
        CustomFieldsGatewayStub.answer = """
                {"status":"AVAILABLE","fields":[
                  {"name":"customerId","label":"Customer id","type":"text","value":"C-4711"},
                  {"name":"notAFieldOfThisProject","label":"Ignored","type":"text","value":"x"}]}""";
        String email = registeredClient("Ari", "Prefilled");
        ChromeDriver browser = Browser.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            browser.get(base() + "/my/tickets/new");
            wait.until(driver -> !driver.findElements(By.id("username")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            wait.until(driver -> driver.getCurrentUrl().contains("/my/tickets/new"));

            assertEquals("Customer id (optional)", browser.findElement(By.cssSelector("label[for=cf-customerId]")).getText());
            assertEquals("C-4711", browser.findElement(By.id("cf-customerId")).getAttribute("value"), "pre-filled");
            assertTrue(browser.findElements(By.id("cf-notAFieldOfThisProject")).isEmpty(),
                    "a field the project does not define is not offered");
            Browser.screenshot(browser, "add-ticket-prefilled-field");
            browser.findElement(By.id("title")).sendKeys("Upgrade my plan");
            browser.findElement(By.id("description")).sendKeys("To Pro, please.");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("was opened"));
        } finally {
            browser.quit();
        }
        assertEquals("C-4711", customFieldsOfTicketOf(email).get("customerId"), "the value reaches the ticket");
        assertTrue(CustomFieldsGatewayStub.queries.stream().anyMatch(q -> q.contains("project=SUP")
                && q.contains("email=" + email.replace("@", "%40"))), CustomFieldsGatewayStub.queries.toString());
    }

    @Test
    void aSlowProviderDoesNotHoldTheAddTicketForm() {
        addSupCustomerIdField();
        CustomFieldsGatewayStub.answer = """
                {"status":"AVAILABLE","fields":[{"name":"customerId","label":"Customer id","type":"text","value":"C-9"}]}""";
        CustomFieldsGatewayStub.delay = Duration.ofSeconds(8);
        try {
            String email = registeredClient("Sol", "Waiting");
            ClientLogin client = ClientLogin.as(base(), "/my/tickets", email, PASSWORD);
            long started = System.nanoTime();
            HttpResponse<String> form = client.get("/my/tickets/new");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, form.statusCode());
            assertTrue(form.body().contains("New ticket"));
            assertFalse(form.body().contains("cf-customerId"), "shown without the provider's field");
            assertTrue(millis < 5_000, "the form waited " + millis + " ms for the provider");
        } finally {
            CustomFieldsGatewayStub.delay = Duration.ZERO;
        }
    }

    private void addField(String project, Map<String, Object> field) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(field)
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects/{key}/fields", project)
                .then().statusCode(anyOf(equalTo(201), equalTo(409)));
    }

    /** The default project's optional customer id (the "add ticket" form opens tickets there). */
    private void addSupCustomerIdField() {
        addField("SUP", Map.of("key", "customerId", "label", "Customer id", "type", "TEXT", "required", false));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> customFieldsOfTicketOf(String email) {
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> tickets = given().auth().oauth2(admin).queryParam("clientEmail", email)
                    .get(TicketServiceProcess.baseUrl + "/api/tickets").then().statusCode(200).extract().as(List.class);
            return tickets.isEmpty() ? null : (String) tickets.get(0).get("id");
        }, java.util.Objects::nonNull);
        return given().auth().oauth2(admin).get(TicketServiceProcess.baseUrl + "/api/tickets/{id}", id)
                .then().statusCode(200).extract().path("customFields");
    }

    private String registeredClient(String first, String last) {
        String email = "cf-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", first, "lastName", last, "password", PASSWORD))
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);
        return email;
    }

    private Response get(String path) {
        return given().header("X-Forwarded-For", address).redirects().follow(false).get(path);
    }

    private Response post(String path, Map<String, String> form) {
        return given().header("X-Forwarded-For", address).redirects().follow(false).formParams(form).post(path);
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name + " in " + html);
        }
        return matcher.group(1);
    }
}
