package dev.relaydesk.mailingest.parse;

/** A message we cannot read; it goes to quarantine with this message as the reason. */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String message) {
        super(message);
    }

    public UnparseableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
