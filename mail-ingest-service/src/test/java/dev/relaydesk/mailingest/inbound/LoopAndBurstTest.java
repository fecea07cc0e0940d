package dev.relaydesk.mailingest.inbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.relaydesk.mailingest.http.InboundSecretFilter;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mail that must never open a ticket although a person-like sender wrote it: loops and floods (tests allow 3). */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class LoopAndBurstTest {

    @Test
    void aSenderAboveTheRateIsKeptButOpensNoMoreTickets() {
        String sender = "flood-" + UUID.randomUUID() + "@example.com";
        for (int i = 1; i <= 3; i++) {
            post(sender, "", "Mail " + i).body("status", equalTo("PUBLISHED"));
        }
        post(sender, "", "Mail 4").body("status", equalTo("IGNORED"))
                .body("reason", containsString("burst: more than 3 mails from " + sender));
        // someone else is not held back by it
        post("calm-" + UUID.randomUUID() + "@example.com", "", "Just one").body("status", equalTo("PUBLISHED"));
    }

    @Test
    void mailFromThePlatformItselfIsALoop() {
        post("noreply@relaydesk.test", "", "Your ticket was updated")
                .body("status", equalTo("IGNORED")).body("reason", containsString("own address"));
        // a notification fetched back from a Sent folder carries the platform's origin header
        post("support@relaydesk.test", "X-Relaydesk-Origin: notification-service\r\n", "Re: your ticket")
                .body("status", equalTo("IGNORED")).body("reason", containsString("loop"));
    }

    private static ValidatableResponse post(String from, String extraHeaders, String subject) {
        String raw = extraHeaders + "From: " + from + "\r\nTo: support@relaydesk.test\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n\r\nHello\r\n";
        return given().header(InboundSecretFilter.HEADER, "test-inbound-secret").contentType("message/rfc822")
                .body(raw.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/inbound/mail")
                .then().statusCode(202);
    }
}
