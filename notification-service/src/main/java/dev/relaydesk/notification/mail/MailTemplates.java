package dev.relaydesk.notification.mail;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

@CheckedTemplate(basePath = "mail")
public class MailTemplates {

    public static native TemplateInstance confirmation(TicketCreated ticket, String firstName, String portalLink);

    public static native TemplateInstance agentReply(NoteAdded note, String firstName);

    public static native TemplateInstance ticketClosed(TicketSnapshot ticket, String firstName);
}
