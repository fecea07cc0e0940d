package dev.relaydesk.ticket.link;

/** Why a newer ticket points at an older one; the labels are what agents read on either ticket. */
public enum LinkKind {
    /** The client replied to the closed older ticket and the project's policy opened this one instead. */
    FOLLOW_UP("follows up", "followed up by"),
    /**
     * The mail that opened this ticket named the older ticket's number in its subject, but came from someone who is
     * neither that ticket's client nor an agent on it, so it could not write there.
     */
    SUBJECT_NUMBER("names in its subject", "named in the subject of");

    private final String fromNewer;
    private final String fromOlder;

    LinkKind(String fromNewer, String fromOlder) {
        this.fromNewer = fromNewer;
        this.fromOlder = fromOlder;
    }

    /** On the newer ticket: "follows up SUP-41". */
    public String labelFromNewer() {
        return fromNewer;
    }

    /** On the older ticket: "followed up by SUP-57". */
    public String labelFromOlder() {
        return fromOlder;
    }
}
