package dev.relaydesk.ticket.mail.rules;

/**
 * Text a rule's pattern may read only until a deadline: an admin's pattern with catastrophic backtracking must not
 * hold the mail consumer for minutes. Java's regex engine reads through {@link #charAt}, so that is where it stops.
 */
final class BoundedText implements CharSequence {

    /** Thrown when the pattern ran out of time; the rule then simply did not match. */
    static final class TooSlow extends RuntimeException {

        TooSlow() {
            super("pattern took too long", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;

    BoundedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (System.nanoTime() > deadlineNanos) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
