package dev.relaydesk.ticket.project;

/** What a client's mailed reply to one of the project's closed tickets does. */
public enum ClosedReplyPolicy {
    /**
     * Within the project's grace period after closing, the reply goes on the ticket and reopens it (first stage,
     * unread for agents); later it opens a new ticket linked to the closed one, as {@link #NEW_LINKED}.
     */
    REOPEN,
    /** A new ticket for the same client, linked as a follow-up of the closed one, which stays closed. */
    NEW_LINKED,
    /**
     * The closed ticket stays as it is (agents get a private record of the mail) and the client gets the
     * project's automatic answer from notification-service.
     */
    ANSWER_WITH_TEMPLATE
}
