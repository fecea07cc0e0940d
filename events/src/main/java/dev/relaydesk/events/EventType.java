package dev.relaydesk.events;

import java.util.Arrays;

/**
 * Every event type: its Kafka topic (named as the event), its CloudEvents type (versioned, so a breaking
 * change becomes a new type) and its record class.
 */
public enum EventType {
    MAIL_RECEIVED("MailReceived", MailReceived.class),
    TICKET_CREATED("TicketCreated", TicketCreated.class),
    NOTE_ADDED("NoteAdded", NoteAdded.class),
    TICKET_UPDATED("TicketUpdated", TicketUpdated.class),
    TICKET_STAGE_CHANGED("TicketStageChanged", TicketStageChanged.class),
    TICKET_ASSIGNED("TicketAssigned", TicketAssigned.class),
    TICKET_CLOSED("TicketClosed", TicketClosed.class),
    TICKET_REOPENED("TicketReopened", TicketReopened.class),
    NOTIFICATION_SENT("NotificationSent", NotificationSent.class),
    CLIENT_REGISTERED("ClientRegistered", ClientRegistered.class),
    MAIL_BOUNCED("MailBounced", MailBounced.class),
    CLOSED_TICKET_REPLY_REFUSED("ClosedTicketReplyRefused", ClosedTicketReplyRefused.class),
    TICKET_LINKED("TicketLinked", TicketLinked.class),
    ACCESS_CODE_REQUESTED("AccessCodeRequested", AccessCodeRequested.class),
    APPOINTMENT_CHANGED("AppointmentChanged", AppointmentChanged.class);

    private final String topic;
    private final Class<? extends RelaydeskEvent> recordClass;

    EventType(String topic, Class<? extends RelaydeskEvent> recordClass) {
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return "dev.relaydesk." + topic + ".v1";
    }

    public Class<? extends RelaydeskEvent> recordClass() {
        return recordClass;
    }

    public static EventType of(RelaydeskEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.recordClass == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass().getName()));
    }

    public static EventType ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values())
                .filter(type -> type.cloudEventType().equals(cloudEventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + cloudEventType));
    }
}
