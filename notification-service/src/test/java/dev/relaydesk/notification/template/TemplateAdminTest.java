package dev.relaydesk.notification.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.ticket.KnownTicket;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Admins override a project's templates; mails follow them, in the project's language, with user content escaped in HTML. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TemplateAdminTest {

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theHtmlPartEscapesWhatClientsAndAgentsWrote() {
        String client = uniqueClient();
        NoteAdded answer = agentNote(uniqueProject(), client, "Jane " + XSS, "Try this: " + XSS);

        KafkaEvents.publish(kafka, answer, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        String html = MailParts.html(mail);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("Try this: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(MailParts.text(mail).contains("Try this: " + XSS), "the plain-text part shows the note as written");
    }

    @Test
    void aProjectsOwnTemplateInItsLanguageIsUsedAndCanBeReset() {
        String project = uniqueProject();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("language", "de"))
                .put("/api/admin/notification-settings/" + project).then().statusCode(200).body("language", equalTo("de"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Antwort zu {ticketNumber}", "text", "Guten Tag {clientName},\n\n{noteText}\n",
                        "html", "<p>Guten Tag {clientName}</p><p>{noteText}</p>"))
                .put("/api/admin/templates/" + project + "/agent-reply/de")
                .then().statusCode(200).body("overridden", equalTo(true)).body("updatedBy", equalTo("admin"));

        String client = uniqueClient();
        NoteAdded answer = agentNote(project, client, "Jane Doe", "Bitte den Drucker neu starten.");
        KafkaEvents.publish(kafka, answer, UUID.randomUUID().toString());
        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("Antwort zu " + answer.number(), subject(mail));
        assertEquals("Guten Tag Jane Doe,\n\nBitte den Drucker neu starten.", MailParts.text(mail).strip().replace("\r\n", "\n"));

        given().auth().oauth2(admin()).get("/api/admin/templates/" + project)
                .then().statusCode(200).body("findAll { it.overridden }.kind", equalTo(java.util.List.of("agent-reply")));
        given().auth().oauth2(admin()).delete("/api/admin/templates/" + project + "/agent-reply/de").then().statusCode(204);
        given().auth().oauth2(admin()).get("/api/admin/templates/" + project + "/agent-reply/de")
                .then().statusCode(200).body("overridden", equalTo(false)).body("subject", containsString("AW:"));

        // back on the shipped German template
        String second = uniqueClient();
        KafkaEvents.publish(kafka, agentNote(project, second, "Jane Doe", "Und jetzt?"), UUID.randomUUID().toString());
        MimeMessage shipped = Mailboxes.awaitMessage(second, message -> true);
        assertEquals("[" + answer.number() + "] AW: " + answer.title(), subject(shipped));
        assertTrue(MailParts.text(shipped).startsWith("Hallo Jane,"), MailParts.text(shipped));
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedNamingItsLine() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "[{ticketNumber}]", "text", "Hello,\n\n{#if noteText}\nno end", "html", "<p>ok</p>"))
                .put("/api/admin/templates/" + uniqueProject() + "/agent-reply/en")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("text part has an error on line"))
                .body("errors[0].field", equalTo("text"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "text", "t", "html", "<p>\n{clientShoeSize}</p>"))
                .post("/api/admin/templates/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("html part has an error on line 2"))
                .body("errors[0].field", equalTo("html"));
    }

    @Test
    void aPreviewRendersAgainstWhatTheServiceKnowsOfTheTicket() {
        String client = uniqueClient();
        NoteAdded answer = agentNote(uniqueProject(), client, "Jane Doe", "Restart it " + XSS);
        KafkaEvents.publish(kafka, answer, UUID.randomUUID().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownTicket.findById(answer.ticketId()) != null));

        Map<String, Object> template = Map.of("ticketId", answer.ticketId().toString(),
                "subject", "[{ticketNumber}] {title}", "text", "Hi {clientFirstName}: {noteText} ({portalLink})",
                "html", "<p>{noteText}</p>");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(template)
                .post("/api/admin/templates/preview")
                .then().statusCode(200)
                .body("ticket", equalTo("known"))
                .body("subject", equalTo("[" + answer.number() + "] " + answer.title()))
                .body("text", containsString("Hi Jane: Restart it " + XSS))
                .body("html", not(containsString("<script>")))
                .body("html", containsString("&lt;script&gt;"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("ticketId", UUID.randomUUID().toString(), "subject", "{ticketNumber}", "text", "{clientName}", "html", ""))
                .post("/api/admin/templates/preview")
                .then().statusCode(200).body("ticket", equalTo("sample")).body("text", equalTo("Jane Doe"));
    }

    @Test
    void onlyAdminsManageTemplates() {
        given().get("/api/admin/templates/SUP").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).get("/api/admin/templates/SUP").then().statusCode(403);
        given().auth().oauth2(admin()).get("/api/admin/templates/SUP")
                .then().statusCode(200).body("kind", hasItem("new-ticket")).body("language", hasItem("de"));
        given().auth().oauth2(admin()).get("/api/admin/templates/SUP/no-such-kind/en").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueProject() {
        return "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String uniqueClient() {
        return "tpl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static NoteAdded agentNote(String project, String client, String clientName, String body) {
        NoteAdded golden = EventFixtures.event(EventType.NOTE_ADDED);
        return new NoteAdded(UUID.randomUUID(), 1, UUID.randomUUID(), project + "-7", project,
                golden.projectAddress(), golden.title(), client, clientName, golden.status(), NoteAuthor.AGENT, "alex",
                body, true, true, golden.threadMessageId(), golden.createdAt());
    }
}
