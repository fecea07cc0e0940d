package dev.relaydesk.providers.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.providers.signing.WebhookSignature.InvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The test vector published with the Standard Webhooks reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsTheSpecificationsTestVectorExactly() {
        assertEquals(EXPECTED, WebhookSignature.forSecret(SECRET).sign(ID, TIMESTAMP, BODY));
    }

    @Test
    void theSecretPrefixIsOptionalAsInTheReferenceLibraries() {
        assertEquals(EXPECTED, WebhookSignature.forSecret(SECRET.substring("whsec_".length())).sign(ID, TIMESTAMP, BODY));
    }

    @Test
    void verifiesTheTestVectorWithinTheFiveMinuteWindow() {
        WebhookSignature signature = WebhookSignature.forSecret(SECRET);
        assertDoesNotThrow(() -> signature.verify(ID, "1614265330", EXPECTED, BODY, THEN));
        assertDoesNotThrow(() -> signature.verify(ID, "1614265330", EXPECTED, BODY, THEN.plusSeconds(300)));
        assertDoesNotThrow(() -> signature.verify(ID, "1614265330", EXPECTED, BODY, THEN.minusSeconds(300)));
    }

    @Test
    void refusesTimestampsOutsideTheWindowSoCapturedRequestsCannotBeReplayed() {
        WebhookSignature signature = WebhookSignature.forSecret(SECRET);
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "1614265330", EXPECTED, BODY, THEN.plusSeconds(301)));
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "1614265330", EXPECTED, BODY, THEN.minusSeconds(301)));
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "yesterday", EXPECTED, BODY, THEN));
    }

    @Test
    void acceptsAnyOfSeveralSpaceSeparatedSignaturesAsDuringASecretRotation() {
        WebhookSignature signature = WebhookSignature.forSecret(SECRET);
        String header = "v1,bm9wZQ== v2,ignored " + EXPECTED;
        assertDoesNotThrow(() -> signature.verify(ID, "1614265330", header, BODY, THEN));
    }

    @Test
    void refusesATamperedBodyAnotherIdAnotherSecretOrNoSignature() {
        WebhookSignature signature = WebhookSignature.forSecret(SECRET);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "1614265330", EXPECTED, tampered, THEN));
        assertThrows(InvalidSignatureException.class, () -> signature.verify("msg_other", "1614265330", EXPECTED, BODY, THEN));
        WebhookSignature other = WebhookSignature.forSecret(WebhookSignature.newSecret());
        assertThrows(InvalidSignatureException.class, () -> other.verify(ID, "1614265330", EXPECTED, BODY, THEN));
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "1614265330", "v1,not*base64", BODY, THEN));
        assertThrows(InvalidSignatureException.class, () -> signature.verify(ID, "1614265330", null, BODY, THEN));
    }

    @Test
    void generatedSecretsAreValidAndDistinct() {
        String first = WebhookSignature.newSecret();
        String second = WebhookSignature.newSecret();
        assertTrue(first.startsWith("whsec_"));
        assertNull(WebhookSignature.problemWith(first));
        assertNotEquals(first, second);
    }

    @Test
    void explainsUnusableSecretsWithoutRepeatingThem() {
        assertEquals("must start with whsec_", WebhookSignature.problemWith("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals("the key after whsec_ must be base64", WebhookSignature.problemWith("whsec_not base64!"));
        assertEquals("the key after whsec_ must be 24 to 64 bytes", WebhookSignature.problemWith("whsec_c2hvcnQ="));
        assertNull(WebhookSignature.problemWith(SECRET));
    }
}
