package dev.relaydesk.portal.form;

import static dev.relaydesk.portal.testing.ClientBrowsing.assertFitsTheScreen;
import static dev.relaydesk.portal.testing.ClientBrowsing.showsSoon;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A client as a person: sends the web form in Debian's headless Chromium, lands on the new ticket's page,
 * comments, closes and rates it; the same pages at a phone's width. A script in the title stays text.
 * Screenshots land in target/screenshots.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
class PortalBrowserTest {

    private static final String XSS_TITLE = "<script>window.pwned=1</script> Printer <b>jams</b>";

    @TestHTTPResource("/")
    URL root;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

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
    void aClientSendsTheFormFollowsTheTicketClosesItAndRatesIt() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        openTheForm();
        screenshot("web-form");
        browser.findElement(By.id("name")).sendKeys("Robin <i>Client</i>");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("title")).sendKeys(XSS_TITLE);
        browser.findElement(By.id("description")).sendKeys("It jams on every second page.");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        // the link page sets itself up, then shows the ticket (it refreshes by itself until the ticket arrives)
        assertTrue(browser.getCurrentUrl().contains("/t/"), "the client lands on the new ticket's link page");
        String link = browser.getCurrentUrl();
        showsSoon(wait, link, By.tagName("h1"), "Printer");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains(XSS_TITLE), "the title shows as typed, as text");
        assertEquals(0L, ((Number) browser.executeScript("return window.pwned ? 1 : 0;")).longValue(), "no script ran");
        assertEquals(0, browser.findElements(By.cssSelector("h1 b")).size(), "no markup from the title");
        assertEquals("Open", browser.findElement(By.cssSelector(".status")).getText());

        browser.findElement(By.id("comment")).sendKeys("Here is a photo of the jam (description only).");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        showsSoon(wait, link, By.cssSelector(".conversation"), "Here is a photo of the jam");
        screenshot("link-page");

        browser.findElement(By.cssSelector("form.state button[type=submit]")).click();
        showsSoon(wait, link, By.cssSelector(".status"), "Closed");
        browser.findElement(By.cssSelector(".feedback input[name=rating][value='5']")).click();
        browser.findElement(By.id("feedback-comment")).sendKeys("Fixed within the hour.");
        browser.findElement(By.cssSelector(".feedback button[type=submit]")).click();
        assertEquals("Thank you for your feedback.", browser.findElement(By.cssSelector(".flash")).getText());
        assertEquals("★★★★★", browser.findElement(By.cssSelector(".feedback .stars")).getText());
        browser.executeScript("document.querySelector('.feedback').scrollIntoView();");
        screenshot("feedback");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(link);
        browser.findElement(By.tagName("h1"));
        screenshot("link-page-phone");
        assertFitsTheScreen(browser);
        openTheForm();
        screenshot("web-form-phone");
        assertFitsTheScreen(browser);
    }


    /** The project's branding as a client's browser renders it: the logo loads, the welcome text stays text. */
    @Test
    void aBrandedProjectsFormShowsItsLogoAndWelcomeText() throws Exception {
        String admin = KeycloakTokens.accessToken("admin", "admin");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 40,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("welcomeText", "<b>Hello</b> from ACME <script>window.pwned=1</script>",
                        "linkUrl", "https://example.com/"))
                .put("/api/admin/portal-profiles/SUP").then().statusCode(200);
        given().auth().oauth2(admin).contentType("image/png").body(png.toByteArray())
                .put("/api/admin/portal-profiles/SUP/logo").then().statusCode(200);
        try {
            openTheForm();
            WebElement logo = wait.until(driver -> driver.findElement(By.cssSelector("header img.company-logo")));
            wait.until(driver -> ((Number) browser.executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", logo)).intValue() == 120);
            assertEquals("https://example.com/", browser.findElement(By.cssSelector("header a")).getAttribute("href"));
            assertEquals("<b>Hello</b> from ACME <script>window.pwned=1</script>",
                    browser.findElement(By.cssSelector(".welcome")).getText());
            assertEquals(0L, ((Number) browser.executeScript("return window.pwned ? 1 : 0;")).longValue());
            screenshot("branded-form");
        } finally {
            given().auth().oauth2(admin).delete("/api/admin/portal-profiles/SUP").then().statusCode(204);
        }
    }

    /**
     * A project that asks for a code before writing: the comment typed in a new browser is refused but kept, the
     * code (what notification-service would mail) is typed in, the same comment then goes through; the same link
     * in a browser without the cookie is refused again.
     */
    @Test
    void aNewBrowserWritesAfterTypingTheCodeFromTheMailWithoutLosingTheComment() {
        String admin = KeycloakTokens.accessToken("admin", "admin");
        String project = "BC" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Browser codes", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("expiryDays", 90, "writeCodeRequired", true))
                .put("/api/admin/projects/{key}/link-policy", project).then().statusCode(200);
        String email = "robin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ticketId = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "source", "WEB_FORM", "clientEmail", email,
                        "project", project, "title", "Badge reader beeps", "description", "Three short beeps."))
                .post(TicketServiceProcess.baseUrl + "/internal/tickets").then().statusCode(201).extract().path("id");
        String url = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON).body(Map.of("clientEmail", email))
                .post("/internal/tickets/{id}/links", ticketId).then().statusCode(201).extract().path("url");
        String link = base() + url.substring(url.indexOf("/t/"));
        String comment = "The beeps stopped after I swapped the badge.";

        showsSoon(wait, link, By.tagName("h1"), "Badge reader beeps");
        assertTrue(browser.findElement(By.cssSelector(".write-code")).getText()
                .contains("To write from this browser, enter the code we email to r***@example.com"));
        browser.findElement(By.id("comment")).sendKeys(comment);
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".write-code .error")).getText().startsWith("Not sent yet"));
        assertEquals(comment, browser.findElement(By.id("comment")).getDomProperty("value"), "the comment is kept");

        browser.findElement(By.cssSelector("form.send-code button")).click();
        assertTrue(browser.findElement(By.cssSelector(".write-code .flash")).getText().startsWith("We emailed a code"));
        screenshot("write-code");
        UUID requestId = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.ACCESS_CODE_REQUESTED.topic(),
                record -> ticketId.equals(record.key())).value(), AccessCodeRequested.class).requestId();
        // as notification-service does to write the mail
        String code = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .post("/internal/access-codes/{id}", requestId).then().statusCode(200).extract().path("code");
        browser.findElement(By.id("write-code-input")).sendKeys(code);
        browser.findElement(By.cssSelector("form.check-code button")).click();
        assertEquals("This browser is confirmed: you can write on this ticket now.",
                browser.findElement(By.cssSelector(".flash")).getText());
        assertEquals(0, browser.findElements(By.cssSelector(".write-code")).size());
        assertEquals(comment, browser.findElement(By.id("comment")).getDomProperty("value"), "still the client's text");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        showsSoon(wait, link, By.cssSelector(".conversation"), comment);

        browser.manage().deleteAllCookies(); // as another browser that was given the link
        browser.get(link);
        browser.findElement(By.id("comment")).sendKeys("Written by someone else");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".write-code .error")).getText().startsWith("Not sent yet"));
    }

    /** Like a person told "not available right now, try again in a minute", reloads until the form is there. */
    private void openTheForm() {
        browser.get(base() + "/form/SUP");
        showsSoon(wait, base() + "/form/SUP", By.tagName("h1"), "Submit a request");
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private void screenshot(String name) {
        Browser.screenshot(browser, name);
    }
}
