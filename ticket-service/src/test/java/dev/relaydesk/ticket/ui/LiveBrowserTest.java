package dev.relaydesk.ticket.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people at once: what one does shows on the other's open page without a reload, so two agents don't
 * answer the same client twice.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class LiveBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private String base;
    private ChromeDriver agentBrowser;
    private ChromeDriver adminBrowser;

    @BeforeEach
    void openBrowsers() {
        base = "http://127.0.0.1:" + root.getPort();
        agentBrowser = Browser.open();
    }

    @AfterEach
    void closeBrowsers() {
        agentBrowser.quit();
        if (adminBrowser != null) {
            adminBrowser.quit();
        }
    }

    @Test
    void aClientNoteAppearsOnTheOpenTicketPage() {
        String client = TestTickets.uniqueClient("livepage");
        String id = TestTickets.openByMail(kafka, admin, client, "Laptop will not charge");
        logIn(agentBrowser, "agent", "agent");
        agentBrowser.get(base + "/ui/tickets/" + id);
        agentBrowser.executeScript("window.notReloaded = true;");
        awaitLiveConnection(agentBrowser);

        given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client, "body", "I tried <another> charger too."))
                .post("/internal/tickets/{id}/client/notes", id).then().statusCode(200);

        WebElement note = new WebDriverWait(agentBrowser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//section[contains(@class,'note') and contains(@class,'CLIENT')]"
                        + "/div[@class='body' and text()='I tried <another> charger too.']")));
        assertTrue(note.isDisplayed());
        assertEquals(Boolean.TRUE, agentBrowser.executeScript("return window.notReloaded === true;"), "no reload happened");
        assertTrue(agentBrowser.findElement(By.id("live-banner")).getText().contains("New message"));
        Browser.screenshot(agentBrowser, "ticket-live-note");

        // The note is on screen, so answering right away is not refused as stale.
        agentBrowser.findElement(By.id("reply-body")).sendKeys("Thanks, we are sending a new one.");
        agentBrowser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertEquals("Answer sent.", agentBrowser.findElement(By.cssSelector(".flash")).getText());
    }

    @Test
    void aCardMovedByAnotherAgentMovesOnTheOpenBoard() {
        String id = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("liveboard"), "Monitor flickers");
        String number = number(id);
        logIn(agentBrowser, "agent", "agent");
        agentBrowser.get(base + "/ui/board/SUP");
        agentBrowser.executeScript("window.notReloaded = true;");
        awaitLiveConnection(agentBrowser);
        By card = By.cssSelector(".card[data-ticket='" + number + "']");
        assertEquals("New", agentBrowser.findElement(card).findElement(By.xpath("ancestor::section")).getAttribute("data-stage"));

        adminBrowser = Browser.open();
        logIn(adminBrowser, "admin", "admin");
        adminBrowser.get(base + "/ui/board/SUP");
        WebElement adminCard = adminBrowser.findElement(card);
        new Select(adminCard.findElement(By.name("stage"))).selectByVisibleText("In progress");
        adminCard.findElement(By.cssSelector("form.move button")).click();
        assertEquals(number + " moved to In progress.", adminBrowser.findElement(By.cssSelector(".flash")).getText());

        new WebDriverWait(agentBrowser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".column[data-stage='In progress'] .card[data-ticket='" + number + "']")));
        assertEquals(Boolean.TRUE, agentBrowser.executeScript("return window.notReloaded === true;"), "no reload happened");
        Browser.screenshot(agentBrowser, "board-live-move");

        // The moved card carries the new version: the agent can move it on without a conflict.
        WebElement moved = agentBrowser.findElement(card);
        new Select(moved.findElement(By.name("stage"))).selectByVisibleText("Closed");
        moved.findElement(By.cssSelector("form.move button")).click();
        assertEquals(number + " moved to Closed.", agentBrowser.findElement(By.cssSelector(".flash")).getText());
    }

    @Test
    void aTicketCreatedMeanwhileAppearsOnTheOpenBoardAndMovesLikeAnyCard() {
        logIn(agentBrowser, "agent", "agent");
        agentBrowser.get(base + "/ui/board/SUP");
        agentBrowser.executeScript("window.notReloaded = true;");
        awaitLiveConnection(agentBrowser);

        String title = "Projector <b>hums</b> " + UUID.randomUUID().toString().substring(0, 4);
        String id = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("liveboard"), title);
        String number = number(id);
        By card = By.cssSelector(".column[data-stage='New'] .card[data-ticket='" + number + "']");
        WebElement fresh = new WebDriverWait(agentBrowser, LIVE).until(ExpectedConditions.presenceOfElementLocated(card));
        assertEquals(Boolean.TRUE, agentBrowser.executeScript("return window.notReloaded === true;"), "no reload happened");
        assertEquals(number + " " + title, fresh.findElement(By.tagName("a")).getText(), "the title is text, not markup");
        assertTrue(fresh.getAttribute("class").contains("unread"), "a client's new ticket is unread");
        Browser.screenshot(agentBrowser, "board-live-new");

        new Select(fresh.findElement(By.name("stage"))).selectByVisibleText("In progress");
        fresh.findElement(By.cssSelector("form.move button")).click();
        assertEquals(number + " moved to In progress.", agentBrowser.findElement(By.cssSelector(".flash")).getText());
        fresh = agentBrowser.findElement(By.cssSelector(".column[data-stage='In progress'] .card[data-ticket='" + number + "']"));
        fresh.findElement(By.tagName("a")).click();
        assertTrue(agentBrowser.findElement(By.tagName("h1")).getText().contains(title));
    }

    /** The page's own EventSource is open before anything happens that it should see. */
    private static void awaitLiveConnection(ChromeDriver browser) {
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-live][data-live-state='open']")));
    }

    private void logIn(ChromeDriver browser, String username, String password) {
        browser.get(base + "/ui");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        assertEquals("Inbox · Relay Desk", new WebDriverWait(browser, LIVE).until(driver -> {
            String title = driver.getTitle();
            return title.startsWith("Inbox") ? title : null;
        }));
    }

    private static String number(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select p.key || '-' || t.number from ticket t join project p on p.id = t.project_id"
                        + " where t.id = :id").setParameter("id", UUID.fromString(id)).getSingleResult());
    }
}
