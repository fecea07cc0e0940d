package dev.relaydesk.portal.page;

import static dev.relaydesk.portal.testing.ClientBrowsing.assertFitsTheScreen;
import static dev.relaydesk.portal.testing.ClientBrowsing.showsSoon;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.portal.testing.IdentityServiceProcess;
import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A registered client in headless Chromium: logs in at Keycloak, follows a project from their portal home and finds
 * another client's ticket of it under "Followed projects"; the "add ticket" form offers only the ticket types the
 * default project's profile allows. Real ticket-service, identity-service and Keycloak; screenshots in
 * target/screenshots.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
@WithTestResource(IdentityServiceProcess.class)
class FollowedProjectBrowserTest {

    private static final String PASSWORD = "juniper coastal signal";

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aClientFollowsAProjectFindsItsTicketAndIsNotOfferedARefusedType() {
        String project = "FB" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Status updates", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        profile(project, Map.of("followable", true));
        for (String type : List.of("Question", "Billing")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", type))
                    .post(TicketServiceProcess.baseUrl + "/api/admin/projects/SUP/types").then().statusCode(201);
        }
        profile("SUP", Map.of("clientTicketTypes", List.of("General", "Question")));
        String email = "fb-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        registeredClient(email);
        open("someone-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.test", project,
                "Planned maintenance on Sunday");
        try {
            browser.get(base() + "/my/tickets");
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            wait.until(driver -> driver.getCurrentUrl().contains("/my/tickets"));

            showsSoon(wait, base() + "/my/tickets", By.cssSelector(".follow li[data-project='" + project + "']"),
                    "Status updates"); // named once the project's first ticket event has reached the portal
            browser.findElement(By.cssSelector(".follow li[data-project='" + project + "'] button")).click();
            assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("You follow the project now"));
            assertEquals("followed", browser.findElement(By.cssSelector(".ticket-list")).getAttribute("data-tab"));
            showsSoon(wait, base() + "/my/tickets?tab=followed", By.cssSelector(".ticket-list"),
                    "Planned maintenance on Sunday");
            assertTrue(browser.findElement(By.cssSelector(".tabs .tab.current")).getText().startsWith("Followed projects"));
            String listed = browser.findElement(By.cssSelector(".ticket-list")).getText();
            assertFalse(listed.contains("elsewhere.test") || listed.contains("Sam Elsewhere"),
                    "the other client stays unnamed");
            screenshot("followed-projects");
            browser.findElement(By.partialLinkText("Planned maintenance on Sunday")).click();
            assertTrue(browser.findElement(By.cssSelector("[data-followed-notice]")).getText()
                    .contains("A ticket of Status updates, a project you follow."));
            assertEquals("Open", browser.findElement(By.cssSelector(".status")).getText());
            assertTrue(browser.findElements(By.cssSelector("form")).isEmpty(), "nothing to act on");

            browser.get(base() + "/my/tickets/new");
            Select types = new Select(browser.findElement(By.id("type")));
            List<String> choices = types.getOptions().stream().map(WebElement::getText).toList();
            assertEquals(List.of("General", "Question"), choices, "the refused type is not offered");
            screenshot("add-ticket-types");

            browser.manage().window().setSize(new Dimension(375, 812));
            browser.get(base() + "/my/tickets?tab=followed");
            browser.findElement(By.cssSelector(".ticket-list"));
            screenshot("followed-projects-phone");
            assertFitsTheScreen(browser);
        } finally {
            given().auth().oauth2(admin).delete("/api/admin/portal-profiles/SUP").then().statusCode(204);
        }
    }

    private void profile(String project, Map<String, Object> profile) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(profile)
                .put("/api/admin/portal-profiles/{key}", project).then().statusCode(200);
    }

    private static void registeredClient(String email) {
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Fran\",\"lastName\":\"Browser\",\"password\":\""
                        + PASSWORD + "\"}")
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);
    }

    /** A ticket as the web form opens it in ticket-service; its events reach the portal through Kafka. */
    private static void open(String email, String project, String title) {
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "source", "WEB_FORM", "clientEmail", email,
                        "clientName", "Sam Elsewhere", "project", project, "title", title, "description",
                        "Details: " + title))
                .post(TicketServiceProcess.baseUrl + "/internal/tickets").then().statusCode(201);
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private void screenshot(String name) {
        Browser.screenshot(browser, name);
    }
}
