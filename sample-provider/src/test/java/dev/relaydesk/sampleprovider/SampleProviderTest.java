package dev.relaydesk.sampleprovider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SampleProviderTest {

    // The Standard Webhooks reference test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theVerifierAcceptsTheSpecificationsTestVectorAndNothingElse() {
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        Instant then = Instant.ofEpochSecond(1614265330);
        String signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertNull(verifier.problem("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature, body, then));
        assertEquals("no valid signature", verifier.problem("msg_other", "1614265330", signature, body, then));
        assertEquals("webhook-timestamp too old or too new",
                verifier.problem("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature, body, then.plusSeconds(301)));
    }

    @Test
    void takesSignedEventsOnceAndRefusesUnsignedOnes() throws Exception {
        try (SampleProvider provider = SampleProvider.start(0, SECRET, true)) {
            String body = "{\"type\":\"TicketCreated\",\"id\":\"e1\",\"data\":{\"number\":\"SUP-1\"}}";
            assertEquals(204, post(provider, "e1", body, sign("e1", body)));
            assertEquals(204, post(provider, "e1", body, sign("e1", body)));
            assertEquals(401, post(provider, "e2", body, sign("e1", body)));
            assertEquals(401, post(provider, "e3", body, null));
            String stats = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + provider.port() + "/stats")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals("{\"received\":1,\"duplicates\":1,\"rejected\":2}", stats);
        }
    }

    @Test
    void knowsItsDemoUserAndChecksThePasswordForSignedLoginRequests() throws Exception {
        try (SampleProvider provider = SampleProvider.start(0, SECRET, true)) {
            String lookup = "{\"action\":\"lookup\",\"username\":\"dana@example.com\"}";
            HttpResponse<String> found = send(provider, "/login", "l1", lookup, sign("l1", lookup));
            assertEquals(200, found.statusCode());
            assertTrue(found.body().startsWith("{\"result\":\"found\",\"user\":{\"email\":\"dana@example.com\""), found.body());
            String stranger = "{\"action\":\"lookup\",\"username\":\"eve@example.com\"}";
            assertEquals("{\"result\":\"unknown\"}", send(provider, "/login", "l2", stranger, sign("l2", stranger)).body());
            String right = "{\"action\":\"verify\",\"username\":\"dana@example.com\",\"password\":\"relaydesk-demo\"}";
            assertTrue(send(provider, "/login", "l3", right, sign("l3", right)).body().startsWith("{\"result\":\"valid\""));
            String wrong = "{\"action\":\"verify\",\"username\":\"dana@example.com\",\"password\":\"relaydesk-dem\"}";
            assertEquals("{\"result\":\"invalid\"}", send(provider, "/login", "l4", wrong, sign("l4", wrong)).body());
            assertEquals(401, send(provider, "/login", "l5", right, sign("l4", right)).statusCode());
        }
    }

    @Test
    void answersSignedUserInformationRequestsWithStableDemoFactsAndRefusesUnsignedOnes() throws Exception {
        try (SampleProvider provider = SampleProvider.start(0, SECRET, true)) {
            String body = "{\"clientEmail\":\"ana@example.com\",\"clientName\":\"Ana\",\"ticketNumber\":\"SUP-1\",\"projectKey\":\"SUP\"}";
            HttpResponse<String> first = send(provider, "/user-information", "u1", body, sign("u1", body));
            assertEquals(200, first.statusCode());
            assertTrue(first.body().startsWith("{\"sections\":[{\"title\":\"Recent purchases\""), first.body());
            assertTrue(first.body().contains("\"url\":\"https://shop.example.com/orders/"), first.body());
            assertEquals(first.body(), send(provider, "/user-information", "u2", body, sign("u2", body)).body(),
                    "the same client, the same facts");
            assertEquals(401, send(provider, "/user-information", "u3", body, sign("u2", body)).statusCode());

            HttpResponse<String> fields = send(provider, "/custom-fields", "f1", body, sign("f1", body));
            assertEquals(200, fields.statusCode());
            assertTrue(fields.body().startsWith("{\"fields\":[{\"name\":\"customerId\",\"label\":\"Customer id\",\"type\":\"text\",\"value\":\"C-"),
                    fields.body());
            assertTrue(first.body().contains(fields.body().replaceAll(".*\"value\":\"(C-[0-9]+)\".*", "$1")),
                    "the same customer id in both answers");
        }
    }

    private static HttpResponse<String> send(SampleProvider provider, String path, String id, String body, String[] signed)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + provider.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("webhook-id", id)
                .header("webhook-timestamp", signed[0]).header("webhook-signature", signed[1]).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int post(SampleProvider provider, String id, String body, String[] signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + provider.port() + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("webhook-id", id);
        if (signed != null) {
            request.header("webhook-timestamp", signed[0]).header("webhook-signature", signed[1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String[] sign(String id, String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return new String[] {timestamp, "v1," + signature};
    }
}
