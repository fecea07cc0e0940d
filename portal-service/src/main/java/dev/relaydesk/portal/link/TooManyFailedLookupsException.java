package dev.relaydesk.portal.link;

/** An address that guessed wrong too often in a short time is told to wait, whatever it tries next. */
public class TooManyFailedLookupsException extends RuntimeException {

    public TooManyFailedLookupsException() {
        super("too many failed link lookups from one address", null, false, false);
    }
}
