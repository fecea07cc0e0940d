package dev.relaydesk.notification.agent;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.delivery.Delivery;
import dev.relaydesk.notification.template.MailKind;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Agents hear of what clients do on their tickets, at the address Keycloak has for them (looked up by the
 * service account of relaydesk-notification), and never of what agents did themselves.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class AgentNotificationsTest {

    private static final String AGENT_MAIL = "agent@relaydesk.test";
    private static final String ADMIN_MAIL = "admin@relaydesk.test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theAssignedAgentsGetWhatTheClientWroteButNotWhatAnAgentWrote() {
        TicketSnapshot ticket = ticket(uniqueProject(), List.of("agent", "admin"));
        KafkaEvents.publish(kafka, new TicketAssigned(ticket, 2, List.of(), "admin", Instant.now()), UUID.randomUUID().toString());
        awaitAssignees(ticket.id());

        KafkaEvents.publish(kafka, note(ticket, NoteAuthor.AGENT, "agent", "I am on it"), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(ticket, NoteAuthor.CLIENT, "Jane Doe", "Still <b>blank</b> pages"), UUID.randomUUID().toString());

        MimeMessage toAgent = Mailboxes.awaitMessage(AGENT_MAIL, Mailboxes.subjectContains(ticket.number()));
        Mailboxes.awaitMessage(ADMIN_MAIL, Mailboxes.subjectContains(ticket.number()));
        assertTrue(subject(toAgent).contains("Jane Doe wrote"), subject(toAgent));
        assertTrue(MailParts.text(toAgent).contains("Still <b>blank</b> pages"));
        assertTrue(MailParts.html(toAgent).contains("Still &lt;b&gt;blank&lt;/b&gt; pages"));
        assertEquals("auto-generated", header(toAgent, "Auto-Submitted"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        assertEquals(1, Mailboxes.messages(AGENT_MAIL).stream().filter(Mailboxes.subjectContains(ticket.number())).count(),
                "the agent's own note told nobody");
    }

    @Test
    void agentsNamedOnATicketAClientOpenedAreToldButNotOfOneAnAgentOpened() {
        String project = uniqueProject();
        TicketCreated byMail = created(project, TicketSource.EMAIL, List.of("agent", "nobody-" + project.toLowerCase()));
        TicketCreated byAgent = created(project, TicketSource.AGENT, List.of("agent"));

        KafkaEvents.publish(kafka, byAgent, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, byMail, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(AGENT_MAIL, Mailboxes.subjectContains(byMail.number()));
        assertTrue(subject(mail).contains("New ticket: " + byMail.title()), subject(mail));
        assertTrue(MailParts.text(mail).contains(byMail.description()));
        // a username Keycloak does not know is given up at once, with the reason
        Delivery unknown = await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("recipientAgent", "nobody-" + project.toLowerCase()).firstResult()),
                found -> found != null && found.status == Delivery.Status.GIVEN_UP);
        assertTrue(unknown.lastError.contains("Keycloak has no user"), unknown.lastError);
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() ->
                Delivery.count("ticketId = ?1 and kind = ?2", byAgent.ticketId(), MailKind.NEW_TICKET)));
    }

    @Test
    void aProjectCanSwitchOffMailsToAgents() {
        String project = uniqueProject();
        given().auth().oauth2(KeycloakTokens.accessToken("admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("agentsOnClientNote", false, "agentsOnNewTicket", false))
                .put("/api/admin/notification-settings/" + project).then().statusCode(200);
        TicketSnapshot ticket = ticket(project, List.of("agent"));
        KafkaEvents.publish(kafka, new TicketAssigned(ticket, 2, List.of(), "admin", Instant.now()), UUID.randomUUID().toString());
        awaitAssignees(ticket.id());
        KafkaEvents.publish(kafka, created(project, TicketSource.EMAIL, List.of("agent")), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(ticket, NoteAuthor.CLIENT, "Jane Doe", "hello?"), UUID.randomUUID().toString());
        // the same ticket's closing still reaches the client: the events were consumed, the agents' mails not queued
        KafkaEvents.publish(kafka, new TicketClosed(ticket, 9, NoteAuthor.AGENT, "agent", Instant.now()), UUID.randomUUID().toString());
        Mailboxes.awaitMessage(ticket.clientEmail(), Mailboxes.subjectContains("Closed:"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Delivery.count("recipientAgent is not null and ticketId = ?1",
                ticket.id())));
        assertEquals(0, Mailboxes.messages(AGENT_MAIL).stream().filter(Mailboxes.subjectContains(project + "-")).count());
    }

    private static void awaitAssignees(UUID ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            dev.relaydesk.notification.ticket.KnownTicket known = dev.relaydesk.notification.ticket.KnownTicket.findById(ticketId);
            return known != null && known.assignees != null && !known.assignees.isEmpty();
        }));
    }

    private static TicketSnapshot ticket(String project, List<String> assignees) {
        TicketSnapshot g = ((TicketClosed) EventFixtures.event(EventType.TICKET_CLOSED)).ticket();
        return new TicketSnapshot(UUID.randomUUID(), project + "-" + (100 + (int) (Math.random() * 900)), project,
                "Project " + project, g.projectAddress(), g.type(), "Scanner " + project, uniqueClient(), "Jane Doe",
                g.status(), "New", g.threadMessageId(), g.priority(), g.clientOrganization(), assignees);
    }

    private static TicketCreated created(String project, TicketSource source, List<String> agentsToNotify) {
        TicketCreated g = EventFixtures.event(EventType.TICKET_CREATED);
        return new TicketCreated(UUID.randomUUID(), 0, project + "-" + (100 + (int) (Math.random() * 900)), project,
                "Project " + project, g.projectAddress(), "Laptop " + UUID.randomUUID().toString().substring(0, 4),
                "It does not boot since " + project, uniqueClient(), "Jane Doe", g.status(), g.stage(), source,
                g.threadMessageId(), g.createdAt(), g.type(), g.priority(), null, agentsToNotify);
    }

    private static NoteAdded note(TicketSnapshot ticket, NoteAuthor author, String authorName, String body) {
        NoteAdded golden = EventFixtures.event(EventType.NOTE_ADDED);
        return new NoteAdded(ticket.id(), 3, UUID.randomUUID(), ticket.number(), ticket.projectKey(),
                ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(), golden.status(),
                author, authorName, body, true, true, ticket.threadMessageId(), Instant.now());
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueProject() {
        return "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "X");
    }

    private static String uniqueClient() {
        return "ag-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
