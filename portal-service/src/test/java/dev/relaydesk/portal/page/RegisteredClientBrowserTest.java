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
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A client with two tickets, as a person in headless Chromium: opens a link, registers from the offer, logs in at
 * Keycloak's own login page, finds both tickets under Open, closes one from its page and finds it under Closed,
 * adds a third; the same pages at a phone's width (375 px) never scroll sideways. Real ticket-service,
 * identity-service and Keycloak; screenshots in target/screenshots.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
@WithTestResource(IdentityServiceProcess.class)
class RegisteredClientBrowserTest {

    private static final String PASSWORD = "violet harbour engine";

    @TestHTTPResource("/")
    URL root;

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
    void aClientWithTwoTicketsRegistersLogsInAndFollowsBothInTabs() {
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String printer = open(email, "Printer jams on page two");
        open(email, "VPN drops every hour");
        String link = mint(printer, email);

        // the link page: once both tickets have reached the portal, it offers an account
        browser.get(link);
        showsSoon(wait, link, By.cssSelector(".offer"), "All your tickets in one place");
        assertEquals("Robin", browser.findElement(By.id("reg-first-name")).getAttribute("value"));
        atPhoneWidth(() -> {
            browser.executeScript("document.getElementById('register').scrollIntoView();");
            screenshot("registration-offer-phone");
        });
        browser.findElement(By.linkText("Create an account")).click(); // the note at the top leads to the form
        browser.findElement(By.id("reg-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("reg-password-again")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector(".offer button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("Your account is ready"));
        assertTrue(browser.findElements(By.cssSelector(".offer")).isEmpty(), "the offer is gone");

        // log in at Keycloak, from the link page
        browser.findElement(By.linkText("Log in to see all your tickets")).click();
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        screenshot("keycloak-login");
        browser.findElement(By.id("kc-login")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/my/tickets"));
        String list = browser.findElement(By.cssSelector(".ticket-list")).getText();
        assertTrue(list.contains("Printer jams on page two") && list.contains("VPN drops every hour"), list);
        assertEquals("open", browser.findElement(By.cssSelector(".ticket-list")).getAttribute("data-tab"));
        screenshot("my-tickets-open");

        // close one from its page; it moves to the Closed tab
        browser.findElement(By.partialLinkText("Printer jams on page two")).click();
        String ticketPage = browser.getCurrentUrl();
        assertEquals("Open", browser.findElement(By.cssSelector(".status")).getText());
        browser.findElement(By.cssSelector("form.state button[type=submit]")).click();
        showsSoon(wait, ticketPage, By.cssSelector(".status"), "Closed");
        browser.findElement(By.linkText("← All your tickets")).click();
        assertFalse(browser.findElement(By.cssSelector(".ticket-list")).getText().contains("Printer jams"));
        browser.findElement(By.partialLinkText("Closed")).click();
        assertEquals("closed", browser.findElement(By.cssSelector(".ticket-list")).getAttribute("data-tab"));
        assertTrue(browser.findElement(By.cssSelector(".ticket-list")).getText().contains("Printer jams on page two"));
        screenshot("my-tickets-closed");

        // a third ticket, added from the list
        browser.findElement(By.partialLinkText("Open")).click();
        browser.findElement(By.linkText("Add ticket")).click();
        browser.findElement(By.id("title")).sendKeys("Keyboard missing keys");
        browser.findElement(By.id("description")).sendKeys("The E key fell off.");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("was opened"));
        showsSoon(wait, base() + "/my/tickets", By.cssSelector(".ticket-list"), "Keyboard missing keys");

        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(base() + "/my/tickets");
        browser.findElement(By.cssSelector(".ticket-list"));
        screenshot("my-tickets-phone");
        assertFitsTheScreen(browser);
        browser.get(ticketPage);
        browser.findElement(By.tagName("h1"));
        screenshot("my-ticket-phone");
        assertFitsTheScreen(browser);
        browser.get(base() + "/my/tickets/new");
        assertFitsTheScreen(browser);
    }

    /** A ticket as the web form opens it in ticket-service; its events reach the portal through Kafka. */
    private static String open(String email, String title) {
        return given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "source", "WEB_FORM", "clientEmail", email,
                        "clientName", "Robin Client", "title", title, "description", "Details: " + title))
                .post(TicketServiceProcess.baseUrl + "/internal/tickets").then().statusCode(201).extract().path("id");
    }

    private String mint(String ticketId, String email) {
        String url = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON).body(Map.of("clientEmail", email))
                .post("/internal/tickets/{id}/links", ticketId).then().statusCode(201).extract().path("url");
        return base() + url.substring(url.indexOf("/t/"));
    }

    private void atPhoneWidth(Runnable check) {
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.navigate().refresh();
        browser.findElement(By.tagName("h1"));
        check.run();
        assertFitsTheScreen(browser);
        browser.manage().window().setSize(wide);
    }


    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private void screenshot(String name) {
        Browser.screenshot(browser, name);
    }
}
