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
    /**
     * To the client: the one-time code a browser asked for, to write on their ticket through its link (projects
     * whose link policy asks for one). Uses {@code {accessCode}} and {@code {accessCodeMinutes}}.
     */
    ACCESS_CODE("access-code", Audience.CLIENT),
    /**
     * To the client: the call they booked (or moved to) on the portal, in the project's time zone. Uses
     * {@code {appointmentTime}} and {@code {bookingLink}} (where to move or cancel it).
     */
    APPOINTMENT_CONFIRMATION("appointment-confirmation", Audience.CLIENT),
    /** To the assigned agents: the client wrote. */
    CLIENT_NOTE("client-note", Audience.AGENTS),
    /** To the agents to notify of a ticket a client opened. */
    NEW_TICKET("new-ticket", Audience.AGENTS),
    /**
     * An email or SMS an admin's rule asked for; its words are the rule's own template, so it has no shipped or
     * per-project template of this kind.
     */
    AUTOMATED_ACTION("automated-action", Audience.CLIENT, false);

    public enum Audience {
        CLIENT,
        AGENTS
    }

    private final String slug;
    private final Audience audience;
    private final boolean templated;

    MailKind(String slug, Audience audience) {
        this(slug, audience, true);
    }

    MailKind(String slug, Audience audience, boolean templated) {
        this.slug = slug;
        this.audience = audience;
        this.templated = templated;
    }

    /** Whether admins edit this kind's words through the template API (else they live elsewhere, e.g. in a rule). */
    public boolean templated() {
        return templated;
    }

    public String slug() {
        return slug;
    }

    public Audience audience() {
        return audience;
    }

    public static Optional<MailKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.templated && kind.slug.equals(slug)).findFirst();
    }
}
