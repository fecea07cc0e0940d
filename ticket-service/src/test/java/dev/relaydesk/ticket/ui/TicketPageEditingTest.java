package dev.relaydesk.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** An agent edits priority, custom fields and assignees on the ticket page; a stale page is told so. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketPageEditingTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");
    private String base;
    private String project;

    @BeforeEach
    void projectWithFields() {
        base = "http://127.0.0.1:" + root.getPort();
        project = TestProjects.create(admin, "UE");
        addField(Map.of("key", "seats", "label", "Seats", "type", "NUMBER"));
        addField(Map.of("key", "product", "label", "Product", "type", "SELECT", "options", List.of("Printer", "Scanner")));
    }

    @Test
    void anAgentSetsPriorityFieldsAndAssigneesOnTheTicketPage() {
        String client = TestTickets.uniqueClient("edit");
        TestProjects.openTicket(agentToken, project, Map.of("clientEmail", client, "title", "Toner order"));
        String id = TestProjects.openTicket(agentToken, project, Map.of("clientEmail", client));
        ChromeDriver browser = Browser.open();
        try {
            logIn(browser);
            browser.get(base + "/ui/tickets/" + id);
            assertTrue(browser.findElement(By.cssSelector("[aria-labelledby=others-h]")).getText()
                    .contains(project + "-1 Toner order"), "the client's other ticket is listed");

            new Select(browser.findElement(By.id("priority"))).selectByVisibleText("HIGH");
            browser.findElement(By.id("field-seats")).sendKeys("12");
            new Select(browser.findElement(By.id("field-product"))).selectByVisibleText("Scanner");
            browser.findElement(By.cssSelector("form.details button[type=submit]")).click();
            awaitFlash(browser, "Details saved.");
            assertEquals("HIGH", new Select(browser.findElement(By.id("priority"))).getFirstSelectedOption().getText());
            assertEquals("12", browser.findElement(By.id("field-seats")).getAttribute("value"));

            browser.findElement(By.cssSelector("form.assignees input[value=agent]")).click();
            browser.findElement(By.cssSelector("form.assignees button[type=submit]")).click();
            awaitFlash(browser, "Assigned to agent.");
            // fails with a timeout unless the reloaded page shows the agent ticked
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.cssSelector("form.assignees input[value=agent]")).isSelected());
            Browser.screenshot(browser, "ticket-editing");
        } finally {
            browser.quit();
        }

        JsonPath saved = given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("HIGH", saved.getString("ticket.priority"));
        assertEquals(12, saved.getInt("customFields.seats"));
        assertEquals("Scanner", saved.getString("customFields.product"));
        assertEquals(List.of("agent"), saved.getList("ticket.assignees"));
    }

    /** The page after the form's redirect: reading while the browser is still swapping pages finds stale elements. */
    private static void awaitFlash(ChromeDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> text.equals(driver.findElement(By.cssSelector(".flash")).getText()));
    }

    @Test
    void aStalePageBadValuesAndForeignAssigneesAreRefusedReadably() throws Exception {
        String id = TestProjects.openTicket(agentToken, project, Map.of());
        HttpClient session = WebLogin.logIn(base, "agent", "agent");
        String page = get(session, "/ui/tickets/" + id).body();
        String csrf = csrfOf(page);
        long seen = version(id);

        // Someone else changes the ticket after the page was loaded.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("priority", "URGENT", "version", seen))
                .patch("/api/tickets/{id}", id).then().statusCode(200);

        HttpResponse<String> stale = post(session, "/ui/tickets/" + id + "/details",
                Map.of("csrf", csrf, "version", String.valueOf(seen), "priority", "LOW"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("someone else changed this ticket while you were editing"), stale.body());
        assertEquals("URGENT", given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().extract().path("ticket.priority"));

        HttpResponse<String> staleAssign = post(session, "/ui/tickets/" + id + "/assignees",
                Map.of("csrf", csrf, "version", String.valueOf(seen), "assignee", "agent"));
        assertEquals(409, staleAssign.statusCode());

        HttpResponse<String> notANumber = post(session, "/ui/tickets/" + id + "/details",
                Map.of("csrf", csrf, "version", String.valueOf(version(id)), "priority", "LOW", "field.seats", "many"));
        assertEquals(400, notANumber.statusCode());
        assertTrue(notANumber.body().contains("Seats must be a number"), notANumber.body());

        HttpResponse<String> stranger = post(session, "/ui/tickets/" + id + "/assignees",
                Map.of("csrf", csrf, "version", String.valueOf(version(id)), "assignee", "mallory"));
        assertEquals(400, stranger.statusCode());
        assertTrue(stranger.body().contains("mallory may not work on General tickets"), stranger.body());

        HttpResponse<String> forged = post(session, "/ui/tickets/" + id + "/details",
                Map.of("csrf", "forged", "version", String.valueOf(version(id)), "priority", "LOW"));
        assertEquals(403, forged.statusCode());
        assertEquals("URGENT", given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().extract().path("ticket.priority"));
    }

    private void addField(Map<String, Object> field) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(field)
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
    }

    private long version(String id) {
        return given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200)
                .extract().jsonPath().getLong("ticket.version");
    }

    private void logIn(ChromeDriver browser) {
        browser.get(base + "/ui");
        browser.findElement(By.id("username")).sendKeys("agent");
        browser.findElement(By.id("password")).sendKeys("agent");
        browser.findElement(By.id("kc-login")).click();
        browser.findElement(By.cssSelector("h1"));
    }

    private static String csrfOf(String page) {
        Matcher token = CSRF.matcher(page);
        assertTrue(token.find(), "the page has forms");
        return token.group(1);
    }

    private HttpResponse<String> get(HttpClient session, String path) throws IOException, InterruptedException {
        return session.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient session, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return session.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
