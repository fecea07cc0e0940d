package dev.relaydesk.notification.mail;

import dev.relaydesk.events.TicketCreated;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

@CheckedTemplate(basePath = "mail")
public class MailTemplates {

    public static native TemplateInstance confirmation(TicketCreated ticket, String firstName, String portalLink);
}
