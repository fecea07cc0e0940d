package dev.relaydesk.providers.outbound;

/** An external provider gave no usable answer: refused URL, unreachable, too slow, an error status, too big. */
public class ProviderCallException extends RuntimeException {

    public ProviderCallException(String message) {
        super(message, null, false, false);
    }
}
