package dev.relaydesk.providers.screening;

/** The external provider gave no usable answer: unreachable, too slow, an error status, or a malformed verdict. */
class ProviderFailure extends RuntimeException {

    ProviderFailure(String message) {
        super(message);
    }
}
