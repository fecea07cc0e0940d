package dev.relaydesk.ticket.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AttachmentRef;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent works in the web UI as a person would: logs in through Keycloak, finds the unread ticket in the
 * inbox, answers it, sees it turn normal, and closes it on the board; a ticket of a type they may not manage
 * never shows up.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class AgentUiBrowserTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void openBrowser() {
        // Keycloak accepts redirects to 127.0.0.1 on any port (the realm's relaydesk-web client).
        base = "http://127.0.0.1:" + root.getPort();
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anAgentAnswersAnUnreadTicketAndClosesItOnTheBoard() {
        String client = TestTickets.uniqueClient("ui");
        String id = TestTickets.openByMail(kafka, admin, client, "Scanner shows error E42");
        String number = number(id);

        logIn("agent", "agent");
        WebElement row = browser.findElement(By.cssSelector("tr[data-ticket='" + number + "']"));
        assertTrue(row.getAttribute("class").contains("unread"), "a client's new ticket is unread");
        assertEquals("700", row.findElement(By.tagName("td")).getCssValue("font-weight"));
        Browser.screenshot(browser, "inbox");

        row.findElement(By.linkText("Scanner shows error E42")).click();
        browser.findElement(By.id("reply-body")).sendKeys("Please switch it off and on again.");
        assertTrue(browser.findElement(By.cssSelector("input[name=notify]")).isSelected(), "notify client is on by default");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertEquals("Answer sent.", browser.findElement(By.cssSelector(".flash")).getText());
        assertTrue(browser.findElement(By.cssSelector(".note.AGENT.public .body")).getText()
                .contains("Please switch it off and on again."));
        Browser.screenshot(browser, "ticket");

        browser.get(base + "/ui");
        row = browser.findElement(By.cssSelector("tr[data-ticket='" + number + "']"));
        assertTrue(!row.getAttribute("class").contains("unread"), "answered tickets are no longer unread");

        browser.get(base + "/ui/board/SUP");
        WebElement card = browser.findElement(By.cssSelector(".card[data-ticket='" + number + "']"));
        new Select(card.findElement(By.name("stage"))).selectByVisibleText("Closed");
        card.findElement(By.cssSelector("form.move button")).click();
        assertEquals(number + " moved to Closed.", browser.findElement(By.cssSelector(".flash")).getText());
        WebElement closedColumn = browser.findElement(By.cssSelector(".column.closing"));
        assertEquals(1, closedColumn.findElements(By.cssSelector(".card[data-ticket='" + number + "']")).size());
        Browser.screenshot(browser, "board");

        TicketClosed closed = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_CLOSED.topic(),
                record -> record.key().equals(id)).value(), TicketClosed.class);
        assertEquals("agent", closed.actor());
    }

    @Test
    void anAgentAttachesFilesToAReplyAndAFileTooLargeKeepsTheDraft() throws IOException {
        String id = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("files"), "Invoice layout is wrong");
        Path invoice = Files.writeString(Files.createTempDirectory("reply").resolve("corrected-invoice.txt"),
                "Invoice 2026-117, corrected");
        Path huge = Files.createTempDirectory("reply").resolve("scan.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(11L * 1024 * 1024);
        }

        logIn("agent", "agent");
        browser.get(base + "/ui/tickets/" + id);
        browser.findElement(By.id("reply-body")).sendKeys("Here is the corrected one and a scan.");
        browser.findElement(By.id("reply-files")).sendKeys(invoice + "\n" + huge);
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("Not sent: scan.pdf is 11.0 MB"),
                browser.findElement(By.cssSelector(".flash")).getText());
        assertEquals("Here is the corrected one and a scan.", browser.findElement(By.id("reply-body")).getAttribute("value"));
        assertEquals(List.of(), browser.findElements(By.cssSelector(".note.AGENT")), "nothing was sent");

        browser.findElement(By.id("reply-files")).sendKeys(invoice.toString());
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        // this page has a message already: wait for the next page's, not the stale one
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> "Answer sent with 1 file.".equals(driver.findElement(By.cssSelector(".flash")).getText()));
        WebElement note = browser.findElement(By.cssSelector(".note.AGENT.public"));
        assertTrue(note.getText().contains("Here is the corrected one"));
        assertEquals("corrected-invoice.txt", note.findElement(By.cssSelector("a[download]")).getText());

        NoteAdded added = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.NOTE_ADDED.topic(),
                record -> record.key().equals(id) && record.value().contains("corrected-invoice.txt")).value(), NoteAdded.class);
        assertEquals(List.of("corrected-invoice.txt"), added.attachments().stream().map(AttachmentRef::filename).toList());
        assertTrue(added.notifyClient(), "a public answer mails the client");
    }

    /** Alex may manage Payroll tickets; Sam (agent2) only general ones: Sam finds Alex's ticket nowhere. */
    @Test
    void aTicketOfATypeOnlyAnotherAgentManagesIsNowhereInTheSecondAgentsUi() {
        String hidden = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("hidden"), "Payroll secret 7781");
        String shared = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("shared"), "Printer jam 7781");
        String hiddenNumber = number(hidden);
        String sharedNumber = number(shared);
        moveToPayroll(UUID.fromString(hidden));
        allow("agent2", GENERAL_TYPE);

        logIn("agent", "agent");
        browser.get(base + "/ui?q=7781");
        assertEquals(1, browser.findElements(By.cssSelector("tr[data-ticket='" + hiddenNumber + "']")).size());
        assertEquals(1, browser.findElements(By.cssSelector("tr[data-ticket='" + sharedNumber + "']")).size());
        browser.quit();
        browser = Browser.open();

        logIn("agent2", "agent2");
        assertEquals(List.of(), browser.findElements(By.cssSelector("tr[data-ticket='" + hiddenNumber + "']")));
        browser.get(base + "/ui?q=7781");
        assertEquals(1, browser.findElements(By.cssSelector("tr[data-ticket='" + sharedNumber + "']")).size());
        assertEquals(List.of(), browser.findElements(By.cssSelector("tr[data-ticket='" + hiddenNumber + "']")));
        browser.get(base + "/ui/board/SUP");
        assertEquals(List.of(), browser.findElements(By.cssSelector(".card[data-ticket='" + hiddenNumber + "']")));
        browser.get(base + "/ui/tickets/" + hidden);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Not Found"));
        assertTrue(!browser.getPageSource().contains("Payroll secret"));
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        String id = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("csrf"), "Forged reply");
        logIn("agent", "agent");
        browser.get(base + "/ui/tickets/" + id);
        browser.executeScript("document.querySelector('form.reply input[name=csrf]').value = 'forged';");
        browser.findElement(By.id("reply-body")).sendKeys("Not from this page");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();

        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Form expired"));
        browser.get(base + "/ui/tickets/" + id);
        assertTrue(!browser.getPageSource().contains("Not from this page"));
    }

    private void logIn(String username, String password) {
        browser.get(base + "/ui");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        browser.findElement(By.cssSelector("h1"));
        assertEquals("Inbox · Relay Desk", browser.getTitle());
    }

    private static String number(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select p.key || '-' || t.number from ticket t join project p on p.id = t.project_id"
                        + " where t.id = :id").setParameter("id", UUID.fromString(id)).getSingleResult());
    }

    private static final String GENERAL_TYPE = "00000000-0000-0000-0002-000000000001";
    private static final String PAYROLL_TYPE = "00000000-0000-0000-0002-0000000000fe";

    /** A Payroll type in the ticket's project that only the demo agent (Alex) may manage. */
    private static void moveToPayroll(UUID ticketId) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("insert into ticket_type (id, project_id, name) select"
                    + " cast(:type as uuid), project_id, 'Payroll' from ticket where id = :id on conflict do nothing")
                    .setParameter("type", PAYROLL_TYPE).setParameter("id", ticketId).executeUpdate();
            em.createNativeQuery("update ticket set type_id = cast(:type as uuid) where id = :id")
                    .setParameter("type", PAYROLL_TYPE).setParameter("id", ticketId).executeUpdate();
        });
        allow("agent", PAYROLL_TYPE);
    }

    private static void allow(String agent, String typeId) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("insert into ticket_type_agent (type_id, agent) values (cast(:type as uuid), :agent)"
                        + " on conflict do nothing")
                .setParameter("type", typeId).setParameter("agent", agent).executeUpdate());
    }
}
