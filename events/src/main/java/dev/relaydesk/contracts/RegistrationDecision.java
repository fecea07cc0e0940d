package dev.relaydesk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a client may register: {@code message} is what the client is told when not. {@code fallback} is true
 * when the external provider gave no usable answer and the admin's fallback decided; {@code reason} says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationDecision(boolean allowed, String message, boolean fallback, String reason) {

    public static RegistrationDecision allow() {
        return new RegistrationDecision(true, null, false, null);
    }
}
