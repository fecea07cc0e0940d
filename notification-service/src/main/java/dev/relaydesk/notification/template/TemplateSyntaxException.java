package dev.relaydesk.notification.template;

/** A template part that does not parse or render; names the part and the line, for the admin who wrote it. */
public class TemplateSyntaxException extends RuntimeException {

    private final String part;
    private final int line;

    public TemplateSyntaxException(String part, int line, String message) {
        super("The " + part + " part has an error on line " + line + ": " + message);
        this.part = part;
        this.line = line;
    }

    public String part() {
        return part;
    }

    public int line() {
        return line;
    }
}
