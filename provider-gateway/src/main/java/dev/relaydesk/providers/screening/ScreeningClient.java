package dev.relaydesk.providers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.outbound.SignedPost;
import dev.relaydesk.providers.screening.ScreeningContract.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Asks the external screening service about one draft: a signed POST bounded by the provider's timeout. While the
 * service keeps failing, the circuit opens and callers get the fallback at once instead of waiting each time.
 */
@ApplicationScoped
class ScreeningClient {

    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final SignedPost post;
    private final ObjectMapper json;

    ScreeningClient(SignedPost post, ObjectMapper json) {
        this.post = post;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderFailure.class)
    Verdict ask(String url, String secret, Duration timeout, ScreeningDraft draft) {
        byte[] answer;
        try {
            answer = post.send(url, secret, timeout, ScreeningContract.VERSION, write(draft), MAX_ANSWER_BYTES);
        } catch (ProviderCallException e) {
            throw new ProviderFailure(e.getMessage());
        }
        try {
            return json.readValue(answer, Verdict.class);
        } catch (IOException e) {
            throw new ProviderFailure("answered something that is not a screening verdict");
        }
    }

    private byte[] write(ScreeningDraft draft) {
        try {
            return json.writeValueAsBytes(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a screening draft", e);
        }
    }
}
