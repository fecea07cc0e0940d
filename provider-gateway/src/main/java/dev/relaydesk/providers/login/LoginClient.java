package dev.relaydesk.providers.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.providers.login.LoginContract.Answer;
import dev.relaydesk.providers.login.LoginContract.Request;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.outbound.SignedPost;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Asks the external login service about one login: a signed POST bounded by the provider's timeout. */
@ApplicationScoped
class LoginClient {

    /** The service gave no usable answer. */
    static class NoAnswer extends RuntimeException {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final SignedPost post;
    private final ObjectMapper json;

    LoginClient(SignedPost post, ObjectMapper json) {
        this.post = post;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = NoAnswer.class)
    Answer ask(String url, String secret, Duration timeout, Request request) {
        byte[] answer;
        try {
            answer = post.send(url, secret, timeout, LoginContract.VERSION, write(request), MAX_ANSWER_BYTES);
        } catch (ProviderCallException e) {
            throw new NoAnswer(e.getMessage());
        }
        try {
            return json.readValue(answer, Answer.class);
        } catch (IOException e) {
            throw new NoAnswer("answered something that is not a login answer");
        }
    }

    private byte[] write(Request request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a login request", e);
        }
    }
}
