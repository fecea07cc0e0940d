package dev.relaydesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.testsupport.Browser;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent's side of a ticket, every service its own process and the agent in a real browser: a client's
 * mail shows unread in the inbox, the agent answers from the ticket page and closes it on the board, and the
 * client finds both the answer and the closing in their mailbox.
 */
class AgentJourneyIT {

    private static final Pattern NUMBER = Pattern.compile("\\[(SUP-\\d+)]");

    private static Endpoints endpoints;
    private ChromeDriver browser;
    private String ui;

    @BeforeAll
    static void startPlatform() {
        endpoints = E2ePlatform.stack().endpoints();
    }

    @BeforeEach
    void openBrowser() {
        ui = endpoints.serviceUrl("ticket-service") + "/ui";
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anAgentAnswersAndClosesInTheBrowserAndTheClientIsMailedBoth() throws MessagingException {
        String client = "nora-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String title = "Badge reader at the side door " + UUID.randomUUID().toString().substring(0, 4);
        Smtp.send("127.0.0.1", endpoints.smtpReceiverPort(),
                Smtp.message(client, "support@relaydesk.test", title, "My badge is refused since Monday."));
        String number = numberOf(Mailboxes.awaitMessage(client, Mailboxes.subjectContains(title)));

        logIn("agent", "agent");
        WebElement row = browser.findElement(By.cssSelector("tr[data-ticket='" + number + "']"));
        assertTrue(row.getAttribute("class").contains("unread"), "the client's new ticket is unread");
        row.findElement(By.linkText(title)).click();
        browser.findElement(By.id("reply-body")).sendKeys("I have renewed your badge; please try again.");
        browser.findElement(By.cssSelector("form.reply button[type=submit]")).click();
        assertEquals("Answer sent.", browser.findElement(By.cssSelector(".flash")).getText());
        Browser.screenshot(browser, "e2e-ticket");

        MimeMessage answer = Mailboxes.awaitMessage(client, Mailboxes.subjectContains("] Re: " + title));
        assertTrue(MailParts.text(answer).contains("I have renewed your badge"), MailParts.text(answer));

        browser.get(ui);
        row = browser.findElement(By.cssSelector("tr[data-ticket='" + number + "']"));
        assertFalse(row.getAttribute("class").contains("unread"), "answered tickets are no longer unread");

        browser.get(ui + "/board/SUP");
        WebElement card = browser.findElement(By.cssSelector(".card[data-ticket='" + number + "']"));
        new Select(card.findElement(By.name("stage"))).selectByVisibleText("Closed");
        card.findElement(By.cssSelector("form.move button")).click();
        assertEquals(number + " moved to Closed.", browser.findElement(By.cssSelector(".flash")).getText());
        Browser.screenshot(browser, "e2e-board");

        MimeMessage closing = Mailboxes.awaitMessage(client, Mailboxes.subjectContains("] Closed: " + title));
        assertEquals("[" + number + "] Closed: " + title, closing.getSubject());
    }

    private void logIn(String username, String password) {
        browser.get(ui);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        assertEquals("Inbox · Relay Desk", browser.getTitle());
    }

    private static String numberOf(MimeMessage confirmation) throws MessagingException {
        Matcher matcher = NUMBER.matcher(confirmation.getSubject());
        assertTrue(matcher.find(), confirmation.getSubject());
        return matcher.group(1);
    }
}
