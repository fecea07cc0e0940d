package dev.relaydesk.providers.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.contracts.RegistrationRequest;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.outbound.SignedPost;
import dev.relaydesk.providers.registration.RegistrationContract.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Asks the external registration service about one client: a signed POST bounded by the provider's timeout. */
@ApplicationScoped
class RegistrationClient {

    /** The service gave no usable answer. */
    static class NoAnswer extends RuntimeException {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final SignedPost post;
    private final ObjectMapper json;

    RegistrationClient(SignedPost post, ObjectMapper json) {
        this.post = post;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = NoAnswer.class)
    Verdict ask(String url, String secret, Duration timeout, RegistrationRequest request) {
        byte[] answer;
        try {
            answer = post.send(url, secret, timeout, RegistrationContract.VERSION, write(request), MAX_ANSWER_BYTES);
        } catch (ProviderCallException e) {
            throw new NoAnswer(e.getMessage());
        }
        try {
            return json.readValue(answer, Verdict.class);
        } catch (IOException e) {
            throw new NoAnswer("answered something that is not a registration verdict");
        }
    }

    private byte[] write(RegistrationRequest request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a registration request", e);
        }
    }
}
