package dev.relaydesk.ticket.mail;

/** The evidence that tied an inbound mail to its ticket, most trusted first; the label is what agents read. */
public enum MatchedBy {
    /** The signed token in the Reply-To address we sent ({@code support+<token>@...}). */
    REPLY_TOKEN("matched by reply address"),
    /** In-Reply-To or References named a Message-ID we sent or received on the ticket. */
    MESSAGE_ID("matched by mail thread"),
    /** An admin's rule for the sender found a ticket number or the sender's own reference in a header or the text. */
    MATCH_RULE("matched by a mail rule"),
    /** A {@code [SUP-42]} in the subject, from the ticket's client or an agent on it. */
    SUBJECT_NUMBER("matched by ticket number in subject");

    private final String label;

    MatchedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
