package dev.relaydesk.notification.template;

import java.util.Arrays;
import java.util.Optional;

/** Every mail the service sends, each with its own template; the slug names it in the admin API and in files. */
public enum MailKind {
    /** To the client: their ticket exists, with their portal link. */
    TICKET_CONFIRMATION("ticket-confirmation", Audience.CLIENT),
    /** To the client: an agent's public answer. */
    AGENT_REPLY("agent-reply", Audience.CLIENT),
    TICKET_CLOSED("ticket-closed", Audience.CLIENT),
    TICKET_REOPENED("ticket-reopened", Audience.CLIENT),
    /**
     * To the client: the automatic answer to their reply to a closed ticket, where the project's policy is to
     * answer such replies instead of reopening the ticket.
     */
    CLOSED_TICKET_REPLY("closed-ticket-reply", Audience.CLIENT),
    /** To the assigned agents: the client wrote. */
    CLIENT_NOTE("client-note", Audience.AGENTS),
    /** To the agents to notify of a ticket a client opened. */
    NEW_TICKET("new-ticket", Audience.AGENTS);

    public enum Audience {
        CLIENT,
        AGENTS
    }

    private final String slug;
    private final Audience audience;

    MailKind(String slug, Audience audience) {
        this.slug = slug;
        this.audience = audience;
    }

    public String slug() {
        return slug;
    }

    public Audience audience() {
        return audience;
    }

    public static Optional<MailKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
