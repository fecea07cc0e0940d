package dev.relaydesk.providers.userinformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.outbound.SignedPost;
import dev.relaydesk.providers.userinformation.UserInformationContract.Answer;
import dev.relaydesk.providers.userinformation.UserInformationContract.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Asks the external user-information service about one client. A circuit of its own: while the service keeps
 * failing, agents' pages stop waiting for it at all for a while.
 */
@ApplicationScoped
class UserInformationClient {

    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final SignedPost post;
    private final ObjectMapper json;

    UserInformationClient(SignedPost post, ObjectMapper json) {
        this.post = post;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderCallException.class)
    Answer ask(String url, String secret, Duration timeout, Request request) {
        byte[] answer = post.send(url, secret, timeout, UserInformationContract.VERSION, write(request), MAX_ANSWER_BYTES);
        try {
            return json.readValue(answer, Answer.class);
        } catch (IOException e) {
            throw new ProviderCallException("answered something that is not user information");
        }
    }

    private byte[] write(Request request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a user-information request", e);
        }
    }
}
