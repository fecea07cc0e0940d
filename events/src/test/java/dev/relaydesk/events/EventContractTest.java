package dev.relaydesk.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.events.fixtures.EventFixtures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventContractTest {

    private final ObjectMapper plain = new ObjectMapper();

    /** What producers write today must be byte-for-byte the golden JSON (as a tree), so consumers keep working. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeRoundTripsThroughItsGoldenFixture(EventType type) throws Exception {
        String golden = EventFixtures.json(type);
        RelaydeskEvent event = EventJson.read(golden, type.recordClass());

        assertEquals(plain.readTree(golden), plain.readTree(EventJson.write(event)));
        assertEquals(type, EventType.of(event));
        assertEquals(type, EventType.ofCloudEventType(type.cloudEventType()));
    }

    @Test
    void goldenTicketCreatedCarriesWhatConsumersNeed() {
        TicketCreated created = EventFixtures.event(EventType.TICKET_CREATED);

        assertEquals(UUID.fromString("0b8f5d2c-7a1e-4f3b-8c6d-2e9a1b4c5d60"), created.ticketId());
        assertEquals(created.ticketId().toString(), created.key());
        assertEquals("SUP-42", created.number());
        assertEquals("jane.doe@example.com", created.clientEmail());
        assertEquals(TicketStatus.OPEN, created.status());
        assertEquals(Instant.parse("2026-11-23T09:15:31Z"), created.createdAt());
    }

    @Test
    void goldenClientRegisteredCarriesNoSecretAndIsKeyedByTheEmail() {
        ClientRegistered registered = EventFixtures.event(EventType.CLIENT_REGISTERED);

        assertEquals("jane.doe@example.com", registered.key());
        assertEquals("Jane Doe", registered.name());
        assertEquals(Instant.parse("2026-11-24T08:30:00Z"), registered.registeredAt());
        assertEquals(List.of("email", "name", "registeredAt"),
                java.util.Arrays.stream(ClientRegistered.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    void unknownPropertiesFromANewerProducerAreIgnored() {
        String newer = EventFixtures.json(EventType.MAIL_RECEIVED).replaceFirst("\\{", "{\"addedLater\": 7,");

        MailReceived mail = EventJson.read(newer, MailReceived.class);

        assertEquals(List.of("support@relaydesk.test"), mail.recipients());
    }

    /** Events written before priority, organization and assignees existed still read (as null). */
    @Test
    void aSnapshotFromAnOlderProducerReadsWithTheNewFieldsUnset() {
        String older = EventFixtures.json(EventType.TICKET_CLOSED)
                .replaceAll("(?s),\\s*\"priority\".*?\\]", "");

        TicketClosed closed = EventJson.read(older, TicketClosed.class);

        assertEquals("SUP-42", closed.ticket().number());
        assertEquals(null, closed.ticket().priority());
        assertEquals(null, closed.ticket().assignees());
    }

    /** TicketCreated written before agentsToNotify existed still reads, with nobody to notify. */
    @Test
    void aTicketCreatedFromAnOlderProducerHasNoAgentsToNotify() {
        String older = EventFixtures.json(EventType.TICKET_CREATED).replaceAll("(?s),\\s*\"agentsToNotify\".*?\\]", "");

        TicketCreated created = EventJson.read(older, TicketCreated.class);

        assertEquals("SUP-42", created.number());
        assertEquals(null, created.agentsToNotify());
        assertEquals(List.of("agent"), EventFixtures.<TicketCreated>event(EventType.TICKET_CREATED).agentsToNotify());
    }

    /** Custom-field values and the client's phone travel on TicketCreated and every snapshot; older events lack them. */
    @Test
    void customFieldsAndClientPhoneAreCarriedAndMayBeAbsent() {
        TicketCreated created = EventFixtures.event(EventType.TICKET_CREATED);
        TicketUpdated updated = EventFixtures.event(EventType.TICKET_UPDATED);
        assertEquals(java.util.Map.of("contract", "C-1009"), created.customFields());
        assertEquals("+4915112345678", created.clientPhone());
        assertEquals(java.util.Map.of("contract", "C-1009"), updated.ticket().customFields());
        assertEquals("+4915112345678", updated.ticket().clientPhone());

        String olderCreated = EventFixtures.json(EventType.TICKET_CREATED)
                .replaceAll("(?s),\\s*\"customFields\".*?\\}", "").replaceAll(",\\s*\"clientPhone\"[^,}]*", "");
        String olderUpdated = EventFixtures.json(EventType.TICKET_UPDATED)
                .replaceAll("(?s),\\s*\"customFields\": \\{\\s*\"contract\": \"C-1009\"\\s*\\}", "")
                .replaceAll(",\\s*\"clientPhone\"[^,}]*", "");
        TicketCreated oldCreated = EventJson.read(olderCreated, TicketCreated.class);
        TicketUpdated oldUpdated = EventJson.read(olderUpdated, TicketUpdated.class);

        assertEquals(List.of("agent"), oldCreated.agentsToNotify());
        assertEquals(null, oldCreated.customFields());
        assertEquals(null, oldCreated.clientPhone());
        assertEquals("HIGH", oldUpdated.ticket().priority().name());
        assertEquals(null, oldUpdated.ticket().customFields());
        assertEquals(null, oldUpdated.ticket().clientPhone());
        assertEquals(2, oldUpdated.changes().size());
    }

    /** An appointment event carries the times and the zone the client saw them in, and no link (no secret). */
    @Test
    void goldenAppointmentChangedCarriesTheTimesAndTheProjectsZone() {
        AppointmentChanged moved = EventFixtures.event(EventType.APPOINTMENT_CHANGED);

        assertEquals(AppointmentChanged.Change.MOVED, moved.change());
        assertEquals(Instant.parse("2026-12-08T13:30:00Z"), moved.startsAt());
        assertEquals(Instant.parse("2026-12-07T08:00:00Z"), moved.previousStartsAt());
        assertEquals("Europe/Berlin", moved.timeZone());
        assertEquals(moved.ticketId().toString(), moved.key());
    }

    @Test
    void goldenNotificationSentNamesTheMailsMessageIdAndItsTicket() {
        NotificationSent sent = EventFixtures.event(EventType.NOTIFICATION_SENT);

        assertEquals("3d6b9e21-4f8a-4c17-b2e5-7a0c1d9f8e34@relaydesk.test", sent.messageId());
        assertEquals("0b8f5d2c-7a1e-4f3b-8c6d-2e9a1b4c5d60", sent.key());
        assertEquals(List.of("jane.doe@example.com"), sent.recipients());
        assertEquals(null, sent.recipientAgent());
        assertEquals("NotificationSent", EventType.NOTIFICATION_SENT.topic());
    }

    @Test
    void goldenClosedTicketReplyRefusedNamesTheMailToAnswerAndItsTicket() {
        ClosedTicketReplyRefused refused = EventFixtures.event(EventType.CLOSED_TICKET_REPLY_REFUSED);

        assertEquals("0b8f5d2c-7a1e-4f3b-8c6d-2e9a1b4c5d60", refused.key());
        assertEquals("SUP-42", refused.number());
        assertEquals("jane.doe@example.com", refused.clientEmail());
        assertEquals("CAF3x9Lq2u-reply-3@mail.example.com", refused.replyMessageId());
        assertEquals("ClosedTicketReplyRefused", EventType.CLOSED_TICKET_REPLY_REFUSED.topic());
    }

    @Test
    void goldenTicketLinkedIsKeyedByTheNewerTicketAndSaysWhetherBothHaveOneClient() {
        TicketLinked linked = EventFixtures.event(EventType.TICKET_LINKED);

        assertEquals("7c1d9e2a-4b3f-4a8e-9d6c-5f2e1a0b3c47", linked.key());
        assertEquals("SUP-43", linked.number());
        assertEquals("SUP-42", linked.linkedNumber());
        assertEquals("FOLLOW_UP", linked.linkKind());
        assertEquals(true, linked.sameClient());
        assertEquals("TicketLinked", EventType.TICKET_LINKED.topic());
        assertEquals("dev.relaydesk.TicketLinked.v1", EventType.TICKET_LINKED.cloudEventType());
    }

    @Test
    void goldenAccessCodeRequestedIsKeyedByTheTicketAndCarriesNoCode() {
        AccessCodeRequested requested = EventFixtures.event(EventType.ACCESS_CODE_REQUESTED);

        assertEquals("0b8f5d2c-7a1e-4f3b-8c6d-2e9a1b4c5d60", requested.key());
        assertEquals(java.time.Duration.ofMinutes(10),
                java.time.Duration.between(requested.requestedAt(), requested.expiresAt()));
        assertEquals("dev.relaydesk.AccessCodeRequested.v1", EventType.ACCESS_CODE_REQUESTED.cloudEventType());
        org.junit.jupiter.api.Assertions.assertFalse(EventJson.write(requested).contains("code\""),
                "the code is fetched from portal-service, never sent in the event");
    }

    @Test
    void aMailReceivedFromAnOlderProducerHasNoAttachmentsAndANewerOneListsThem() {
        MailReceived older = EventFixtures.event(EventType.MAIL_RECEIVED);
        String newer = EventFixtures.json(EventType.MAIL_RECEIVED).replaceFirst("\\{",
                "{\"attachments\": [{\"filename\": \"scan.pdf\", \"contentType\": \"application/pdf\","
                        + " \"sizeBytes\": 12582912, \"refusedReason\": \"above the limit\"}],");

        MailReceived mail = EventJson.read(newer, MailReceived.class);

        assertEquals(List.of(), older.attachments());
        assertEquals(List.of(new MailReceived.Attachment("scan.pdf", "application/pdf", 12_582_912, "above the limit")),
                mail.attachments());
    }

    @Test
    void aMalformedPayloadIsReportedAsSuch() {
        assertThrows(MalformedEventException.class, () -> EventJson.read("{\"mailId\": 12", MailReceived.class));
    }
}
