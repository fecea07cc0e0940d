package dev.relaydesk.providers.customfields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.providers.customfields.CustomFieldsContract.Answer;
import dev.relaydesk.providers.customfields.CustomFieldsContract.Request;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.outbound.SignedPost;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** Asks the external custom-fields service about one client's ticket, behind a circuit of its own. */
@ApplicationScoped
class CustomFieldsClient {

    static final int MAX_ANSWER_BYTES = 128 * 1024;

    private final SignedPost post;
    private final ObjectMapper json;

    CustomFieldsClient(SignedPost post, ObjectMapper json) {
        this.post = post;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderCallException.class)
    Answer ask(String url, String secret, Duration timeout, Request request) {
        byte[] answer = post.send(url, secret, timeout, CustomFieldsContract.VERSION, write(request), MAX_ANSWER_BYTES);
        try {
            return json.readValue(answer, Answer.class);
        } catch (IOException e) {
            throw new ProviderCallException("answered something that is not a list of custom fields");
        }
    }

    private byte[] write(Request request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a custom-fields request", e);
        }
    }
}
