package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client changes what the project's portal profile lets clients change on the link page (here: priority and one
 * custom field), against the real ticket-service; anything else is refused, even in a crafted post.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
class DetailsEditTest {

    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @Test
    void aClientChangesExactlyWhatTheProfileAllowsAndTheChangeReachesTheTicket() {
        String project = "ED" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Editing", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        for (Map<String, Object> field : List.<Map<String, Object>>of(
                Map.of("key", "plan", "label", "Plan", "type", "SELECT", "options", List.of("Basic", "Pro")),
                Map.of("key", "secretCode", "label", "Secret code", "type", "TEXT"))) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(field)
                    .post(TicketServiceProcess.baseUrl + "/api/admin/projects/{key}/fields", project).then().statusCode(201);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("showPriority", true, "showType", false, "editPriority", true, "editType", false,
                        "editableCustomFields", List.of("plan")))
                .put("/api/admin/portal-profiles/{key}", project).then().statusCode(200)
                .body("editPriority", equalTo(true)).body("editableCustomFields", equalTo(List.of("plan")));
        String email = "edit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "source", "WEB_FORM", "clientEmail", email,
                        "project", project, "title", "Upgrade please", "description", "To the Pro plan."))
                .post(TicketServiceProcess.baseUrl + "/internal/tickets").then().statusCode(201).extract().path("id");
        String url = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON).body(Map.of("clientEmail", email))
                .post("/internal/tickets/{id}/links", id).then().statusCode(201).extract().path("url");
        String page = url.substring(url.indexOf("/t/"));

        String html = await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).asString(),
                body -> body.contains("Upgrade please"));
        assertTrue(html.contains("id=\"edit-priority\"") && html.contains("<option value=\"NORMAL\" selected>Normal</option>"), html);
        assertTrue(html.contains("name=\"cf.plan\""), "the custom field the profile lets clients change");
        assertFalse(html.contains("cf.secretCode") || html.contains("id=\"edit-type\""), "nothing else");

        // not allowed by the profile: refused, whatever is posted, and nothing changes
        String csrf = hidden(html, "csrf");
        post(page + "/details", Map.of("csrf", csrf, "cf.secretCode", "1234")).then().statusCode(403)
                .body(containsString("cannot be changed here"));
        post(page + "/details", Map.of("csrf", csrf, "type", "General")).then().statusCode(403);
        post(page + "/details", Map.of("csrf", "forged", "priority", "HIGH")).then().statusCode(403);
        // a value ticket-service refuses: a readable page that keeps the choice
        Response refused = post(page + "/details", Map.of("csrf", csrf, "priority", "HIGH", "cf.plan", "Gold"));
        refused.then().statusCode(400).body(containsString("Plan must be one of [Basic, Pro]"))
                .body(containsString("<option value=\"HIGH\" selected>High</option>"));

        post(page + "/details", Map.of("csrf", csrf, "requestId", UUID.randomUUID().toString(), "priority", "HIGH",
                "cf.plan", "Pro")).then().statusCode(303).header("Location", containsString("?sent=details"));
        Map<String, Object> ticket = given().auth().oauth2(admin).get(TicketServiceProcess.baseUrl + "/api/tickets/{id}", id)
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(Map.of("plan", "Pro"), ticket.get("customFields"));
        assertEquals("HIGH", ((Map<?, ?>) ticket.get("ticket")).get("priority"));
        // TicketUpdated brings the change back to the link page
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(page).then()
                .body(containsString("data-detail=\"priority\">High<"))
                .body(containsString("<option value=\"Pro\" selected>Pro</option>")));
    }

    private static Response post(String path, Map<String, String> form) {
        return given().redirects().follow(false).formParams(form).post(path);
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }
}
