package dev.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first ticket's journey, with every service its own process: a stranger's email reaches the SMTP
 * receiver, becomes a ticket, the client is mailed a link, the link shows the ticket without login, and a
 * reply to that mail lands on the same ticket and shows on the page.
 */
class FirstTicketJourneyIT {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+/t/[A-Za-z0-9_-]{43}");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Endpoints endpoints;

    @BeforeAll
    static void startPlatform() {
        endpoints = E2ePlatform.stack().endpoints();
    }

    @Test
    void anEmailBecomesATicketTheClientFollowsByLinkAndAnswersByReplying() throws Exception {
        String client = uniqueClient("jane");
        String title = uniqueTitle("Printer on floor 3 prints blank pages");
        String description = "Since this morning every page comes out blank.";

        MimeMessage original = newMail(client, "Jane Doe", title, description);
        MimeMessage confirmation = mailSupport(original, title);
        assertTrue(subjectOf(confirmation).matches("\\[SUP-\\d+] .*"), subjectOf(confirmation));
        assertEquals(original.getMessageID(), confirmation.getHeader("In-Reply-To", null));
        assertEquals("auto-replied", confirmation.getHeader("Auto-Submitted", null));
        String body = MailParts.text(confirmation);
        assertTrue(body.startsWith("Hello Jane,"), body);
        String link = firstLink(body);

        given().get(link).then().statusCode(200)
                .body(containsString(title))
                .body(containsString(description))
                .body(containsString("Open"));

        send(replyTo(confirmation, client, "It also happens on floor 2 now."));

        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then().statusCode(200)
                .body(containsString("It also happens on floor 2 now.")));

        String agentToken = KeycloakTokens.accessToken("agent", "agent");
        JsonPath tickets = given().auth().oauth2(agentToken).queryParam("clientEmail", client)
                .get(endpoints.serviceUrl("ticket-service") + "/api/tickets")
                .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
        assertEquals(title, tickets.getString("[0].title"));
        given().auth().oauth2(agentToken)
                .get(endpoints.serviceUrl("ticket-service") + "/api/tickets/{id}", tickets.getString("[0].id"))
                .then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].authorType", equalTo("CLIENT"));
        assertEquals(1, Mailboxes.messages(client).size(), "one confirmation, and nothing for the reply");
    }

    @Test
    void anAgentsAnswerAndTheClosingReachTheClientByMailAndOnThePage() throws Exception {
        String client = uniqueClient("omar");
        String title = uniqueTitle("Cannot log in to the billing portal");
        String link = firstLink(MailParts.text(mailSupport(newMail(client, "Omar Haddad", title,
                "It says my password expired."), title)));

        String tickets = endpoints.serviceUrl("ticket-service") + "/api/tickets";
        String agentToken = KeycloakTokens.accessToken("agent", "agent");
        String id = await().atMost(PATIENCE).until(() -> given().auth().oauth2(agentToken)
                .queryParam("clientEmail", client).get(tickets).then().extract().jsonPath().getString("[0].id"),
                found -> found != null);

        given().auth().oauth2(agentToken).contentType("application/json")
                .body("{\"body\": \"I have reset your password; check your inbox.\"}")
                .post(tickets + "/{id}/notes", id).then().statusCode(201);
        MimeMessage answer = Mailboxes.awaitMessage(client, mail -> subjectOf(mail).contains("] Re: " + title));
        assertTrue(MailParts.text(answer).contains("I have reset your password"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then()
                .body(containsString("I have reset your password")));

        long version = given().auth().oauth2(agentToken).get(tickets + "/{id}", id).then().extract().jsonPath()
                .getLong("ticket.version");
        given().auth().oauth2(agentToken).contentType("application/json")
                .body("{\"stage\": \"Closed\", \"version\": " + version + "}")
                .put(tickets + "/{id}/stage", id).then().statusCode(200);
        MimeMessage closing = Mailboxes.awaitMessage(client, mail -> subjectOf(mail).contains("] Closed: " + title));
        assertEquals("auto-generated", closing.getHeader("Auto-Submitted", null));
        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then()
                .body(containsString("data-status=\"closed\"")));
    }

    @Test
    void theClientCommentsClosesAndReopensFromTheLinkPage() throws Exception {
        String client = uniqueClient("lena");
        String title = uniqueTitle("Wi-Fi in meeting room B");
        String link = firstLink(MailParts.text(mailSupport(newMail(client, "Lena Berg", title,
                "The network keeps disappearing."), title)));
        String tickets = endpoints.serviceUrl("ticket-service") + "/api/tickets";
        String agentToken = KeycloakTokens.accessToken("agent", "agent");

        submit(link, "comments", Map.of("body", "It happens around 10:00 every day."));
        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then()
                .body(containsString("It happens around 10:00 every day.")));
        String id = given().auth().oauth2(agentToken).queryParam("clientEmail", client).get(tickets)
                .then().extract().jsonPath().getString("[0].id");
        given().auth().oauth2(agentToken).get(tickets + "/{id}", id).then()
                .body("notes[0].authorType", equalTo("CLIENT")).body("ticket.unread", equalTo(true));

        submit(link, "close", Map.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then()
                .body(containsString("data-status=\"closed\"")).body(containsString("Reopen the ticket")));
        given().auth().oauth2(agentToken).get(tickets + "/{id}", id).then().body("ticket.status", equalTo("CLOSED"));

        submit(link, "reopen", Map.of());
        await().atMost(PATIENCE).untilAsserted(() -> given().get(link).then()
                .body(containsString("data-status=\"open\"")));
        assertEquals(1, Mailboxes.messages(client).size(), "the client is not mailed about their own actions");
    }

    @Test
    void aLinkWithAWrongTokenIsAPlainNotFoundPage() {
        String portal = endpoints.serviceUrl("portal-service");
        given().get(portal + "/t/" + "x".repeat(43)).then().statusCode(404)
                .body(containsString("does not open a ticket"))
                .body(not(containsString("Exception")));
    }

    /** Submits one of the page's forms as a browser would: its hidden fields plus what the person filled in. */
    private static void submit(String link, String action, Map<String, String> filledIn) {
        String page = given().get(link).then().statusCode(200).extract().asString();
        Matcher form = Pattern.compile("(?s)<form method=\"post\" action=\"([^\"]*/" + action + ")\".*?</form>")
                .matcher(page);
        assertTrue(form.find(), "no " + action + " form on the page");
        Map<String, String> fields = new HashMap<>(filledIn);
        Matcher hidden = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        String portal = endpoints.serviceUrl("portal-service");
        given().redirects().follow(false).formParams(fields).post(portal + form.group(1))
                .then().statusCode(303);
    }

    /** Sends a client's first mail to support and returns the confirmation that reaches their mailbox. */
    private static MimeMessage mailSupport(MimeMessage firstMail, String title) throws MessagingException {
        send(firstMail);
        String client = ((InternetAddress) firstMail.getFrom()[0]).getAddress();
        return Mailboxes.awaitMessage(client, mail -> subjectOf(mail).contains(title));
    }

    private static String uniqueClient(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String uniqueTitle(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 4);
    }

    private static MimeMessage newMail(String from, String name, String subject, String text)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress(from, name));
        mail.setRecipient(RecipientType.TO, new InternetAddress("support@relaydesk.test"));
        mail.setSubject(subject);
        mail.setText(text);
        mail.saveChanges();
        return mail;
    }

    /** What a mail client makes of "Reply": threading headers, "Re:" subject, sent to the Reply-To address. */
    private static MimeMessage replyTo(MimeMessage received, String from, String text) throws MessagingException,
            UnsupportedEncodingException {
        MimeMessage template = (MimeMessage) received.reply(false);
        MimeMessage reply = new MimeMessage(session());
        reply.setFrom(new InternetAddress(from, "Jane Doe"));
        reply.setRecipients(RecipientType.TO, template.getRecipients(RecipientType.TO));
        reply.setSubject(template.getSubject());
        reply.setHeader("In-Reply-To", template.getHeader("In-Reply-To", null));
        reply.setHeader("References", template.getHeader("References", null));
        reply.setText(text + "\n\nOn Monday, Support wrote:\n> Hello Jane,");
        return reply;
    }

    /** Delivers to the mail-ingest SMTP receiver, as the domain's MX would. */
    private static void send(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        Transport.send(mail, List.of(new InternetAddress("support@relaydesk.test")).toArray(new InternetAddress[0]));
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(endpoints.smtpReceiverPort()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "15000");
        return Session.getInstance(properties);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLink(String body) {
        Matcher matcher = LINK.matcher(body);
        assertTrue(matcher.find(), "no portal link in:\n" + body);
        return matcher.group();
    }
}
