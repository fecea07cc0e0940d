package dev.relaydesk.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.AppointmentChanged.Change;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.sms.FakeSmsProvider;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A call booked on the portal is confirmed to the client by mail, in the project's time zone, once per booking; the
 * {@code {bookingLink}} placeholder gives the ticket's booking page in rules' SMS and mails, and nothing where the
 * project takes no bookings.
 */
@QuarkusTest
@WithTestResource(FakeSmsProvider.class)
@WithTestResource(PortalLinksStandIn.class)
class AppointmentMailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aBookedCallIsConfirmedOnceInTheProjectsZoneAndAMoveAgainButNotACancellation() throws Exception {
        String client = "call-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID ticketId = UUID.randomUUID();
        PortalLinksStandIn.BOOKING.add(ticketId);
        // 13:30 UTC on a winter Tuesday is 08:30 in New York
        AppointmentChanged booked = call(ticketId, client, Change.BOOKED, Instant.parse("2026-12-08T13:30:00Z"), null);
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, booked, eventId);
        KafkaEvents.publish(kafka, booked, eventId);

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("Your call about " + booked.number()
                + ": Tuesday 8 December 2026, 08:30–09:00 (America/New_York)", mail.getSubject());
        String text = MailParts.text(mail);
        assertTrue(text.startsWith("Hello Jane,"), text);
        assertTrue(text.contains("Tuesday 8 December 2026, 08:30–09:00 (America/New_York)"), text);
        assertTrue(text.contains(PortalLinksStandIn.linkOf(ticketId) + "/book"), text);
        assertTrue(MailParts.html(mail).contains("href=\"" + PortalLinksStandIn.linkOf(ticketId) + "/book\""));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("no-reply@relaydesk.test", ((InternetAddress) mail.getFrom()[0]).getAddress());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.APPOINTMENT_CHANGED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "the redelivered event sends nothing new");

        KafkaEvents.publish(kafka, call(ticketId, client, Change.CANCELLED, booked.startsAt(), null),
                UUID.randomUUID().toString());
        AppointmentChanged moved = call(ticketId, client, Change.MOVED, Instant.parse("2026-12-09T20:00:00Z"),
                booked.startsAt());
        KafkaEvents.publish(kafka, moved, UUID.randomUUID().toString());
        Mailboxes.awaitMessage(client, Mailboxes.subjectContains("Wednesday 9 December 2026, 15:00–15:30"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.APPOINTMENT_CHANGED.topic());
        assertEquals(2, Mailboxes.messages(client).size(), "a cancellation mails nothing");
    }

    /** Issue 8: an automated SMS may carry the booking page, and is simply without it where booking is off. */
    @Test
    void bookingLinkRendersInAnAutomatedSmsOnlyWhereTheProjectTakesBookings() {
        String project = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String phone = "+4915" + (100_000_000L + (long) (Math.random() * 899_999_999L));
        Map<String, String> rule = new HashMap<>(Map.of("name", "Offer a call", "on", "stage_changed",
                "projectKey", project, "stage", "Waiting", "channel", "sms", "to", "fixed", "address", phone,
                "body", "{ticketNumber}: book a call at {bookingLink}"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rule)
                .post("/api/admin/notification-rules").then().statusCode(201);

        TicketStageChanged withBooking = stageChanged(project);
        PortalLinksStandIn.BOOKING.add(withBooking.ticketId());
        KafkaEvents.publish(kafka, withBooking, UUID.randomUUID().toString());
        String link = PortalLinksStandIn.linkOf(withBooking.ticketId());
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeSmsProvider.requestsTo(phone).size() == 1);
        assertEquals(withBooking.ticket().number() + ": book a call at " + link + "/book",
                FakeSmsProvider.requestsTo(phone).get(0).form().get("Body"));

        TicketStageChanged without = stageChanged(project);
        KafkaEvents.publish(kafka, without, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> FakeSmsProvider.requestsTo(phone).size() == 2);
        assertEquals(without.ticket().number() + ": book a call at",
                FakeSmsProvider.requestsTo(phone).get(1).form().get("Body"), "nothing where the project takes no bookings");
    }

    /** An admin's template may show the booking page: the template API accepts it and its preview fills it in. */
    @Test
    void aTemplateMayUseTheBookingLink() {
        String project = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        Map<String, String> template = Map.of("subject", "Closed: {title}",
                "text", "Need more help? Book a call: {bookingLink}",
                "html", "<p><a href=\"{bookingLink}\">Book a call</a></p>");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(template)
                .put("/api/admin/templates/{key}/ticket-closed/en", project).then().statusCode(200);
        String preview = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(template)
                .post("/api/admin/templates/preview").then().statusCode(200).extract().path("text");
        assertEquals("Need more help? Book a call: https://portal.example/t/sample-link/book", preview.strip());
    }

    private static AppointmentChanged call(UUID ticketId, String client, Change change, Instant startsAt,
            Instant previous) {
        AppointmentChanged golden = EventFixtures.event(EventType.APPOINTMENT_CHANGED);
        return new AppointmentChanged(change == Change.MOVED ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(ticketId.toString().getBytes()), ticketId, "SUP-" + (ticketId.hashCode() & 0xffff),
                golden.projectKey(), golden.title(), client, "Jane Doe", change, startsAt,
                startsAt.plus(Duration.ofMinutes(30)), "America/New_York", previous, Instant.now());
    }

    private static TicketStageChanged stageChanged(String project) {
        TicketStageChanged golden = EventFixtures.event(EventType.TICKET_STAGE_CHANGED);
        TicketSnapshot g = golden.ticket();
        UUID id = UUID.randomUUID();
        TicketSnapshot ticket = new TicketSnapshot(id, project + "-" + (id.hashCode() & 0xfff), project,
                "Project " + project, g.projectAddress(), g.type(), g.title(),
                "client-" + id.toString().substring(0, 8) + "@example.com", "Jane Doe", g.status(), "Waiting",
                g.threadMessageId(), g.priority(), g.clientOrganization(), g.assignees());
        return new TicketStageChanged(ticket, 4, "New", "alex", golden.changedAt());
    }

    /** Asked once more when a loaded machine makes Keycloak's answer time out. */
    private static String admin() {
        try {
            return KeycloakTokens.accessToken("admin", "admin");
        } catch (IllegalStateException slowKeycloak) {
            return KeycloakTokens.accessToken("admin", "admin");
        }
    }
}
