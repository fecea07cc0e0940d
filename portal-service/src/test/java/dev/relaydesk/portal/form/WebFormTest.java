package dev.relaydesk.portal.form;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public web form against the real ticket-service (its own process): a sent form opens a ticket there, and
 * the client lands on the new ticket's link page, fed by the ticket's real events. Then the client side of links
 * (access log, revocation) and feedback, as agents see them through the portal's API.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
class WebFormTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @Test
    void aSentFormOpensTheTicketAndTheClientLandsOnItsLinkPage() {
        Client client = new Client();
        String email = uniqueEmail();
        String form = client.get("/form/SUP").then().statusCode(200)
                .body(containsString("Submit a request to Support")).extract().asString();

        Response sent = client.post("/form/SUP", Map.of("name", "Dana Client", "email", email,
                "title", "Cannot log in", "description", "The login page says my password is wrong.",
                "website", "", "requestId", hidden(form, "requestId"), "csrf", hidden(form, "csrf")));
        sent.then().statusCode(303).header("Location", containsString("/t/"));
        String page = pathOf(sent.header("Location"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get(page).then().statusCode(200)
                .body(containsString("Cannot log in"))
                .body(containsString("The login page says my password is wrong."))
                .body(containsString("data-status=\"open\""))
                .body(containsString("act as " + email)));
        List<Map<String, Object>> tickets = ticketsOf(email);
        org.junit.jupiter.api.Assertions.assertEquals(1, tickets.size());
        org.junit.jupiter.api.Assertions.assertEquals("WEB_FORM", tickets.get(0).get("source"));
        org.junit.jupiter.api.Assertions.assertEquals("Dana Client", tickets.get(0).get("clientName"));
    }

    /**
     * The project's portal profile lists the ticket types clients may choose: the form offers those only, refuses
     * another with a readable message (a crafted post too), and the link page's type change offers and accepts no more.
     */
    @Test
    void theFormOffersOnlyTheTicketTypesTheProfileAllows() {
        String project = "TY" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Typed requests", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        for (String type : List.of("Question", "Incident", "Billing")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", type))
                    .post(TicketServiceProcess.baseUrl + "/api/admin/projects/{key}/types", project).then().statusCode(201);
        }
        Client client = new Client();
        String everyType = client.get("/form/" + project).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(everyType.contains(">Billing</option>")
                && everyType.contains(">General</option>"), "without a list in the profile, every type is offered");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientTicketTypes", List.of("question", "Incident"), "editType", true))
                .put("/api/admin/portal-profiles/{key}", project).then().statusCode(200);
        String form = client.get("/form/" + project).then().statusCode(200)
                .body(containsString("<option value=\"Incident\" selected>Incident</option>"))
                .body(containsString(">Question</option>"))
                .body(not(containsString(">Billing</option>"))).body(not(containsString(">General</option>")))
                .extract().asString();

        String email = uniqueEmail();
        Map<String, String> refused = new java.util.HashMap<>(filled(email, "Invoice is wrong", form));
        refused.put("type", "Billing");
        client.post("/form/" + project, refused).then().statusCode(400)
                .body(containsString("&quot;Billing&quot; is not a type of request you can choose here."
                        + " Choose one of: Incident, Question."))
                .body(containsString("value=\"Invoice is wrong\""));
        org.junit.jupiter.api.Assertions.assertEquals(0, ticketsOf(email).size(), "nothing was opened");

        Map<String, String> allowed = new java.util.HashMap<>(filled(email, "How do I export?", form));
        allowed.put("type", "question");
        Response sent = client.post("/form/" + project, allowed);
        sent.then().statusCode(303);
        List<Map<String, Object>> tickets = ticketsOf(email);
        org.junit.jupiter.api.Assertions.assertEquals("Question", tickets.get(0).get("type"));

        // the link page's type change: the allowed types and the ticket's own, and nothing else even when posted
        String page = pathOf(sent.header("Location"));
        String linkPage = await().atMost(Duration.ofSeconds(60)).until(() -> client.get(page).asString(),
                html -> html.contains("id=\"edit-type\""));
        org.junit.jupiter.api.Assertions.assertTrue(linkPage.contains(">Incident</option>")
                && !linkPage.contains(">Billing</option>"), linkPage);
        client.post(page + "/details", Map.of("type", "Billing", "csrf", hidden(linkPage, "csrf"),
                "requestId", UUID.randomUUID().toString())).then().statusCode(400)
                .body(containsString("Choose a type from the list."));
    }

    @Test
    void anUnknownProjectGetsAReadableNotFoundPage() {
        Client client = new Client();
        client.get("/form/NOPE").then().statusCode(404).body(containsString("There is no such support form"));
        client.get("/form/%3Cscript%3E").then().statusCode(404).body(not(containsString("<script>")));
        client.post("/form/NOPE", Map.of("name", "x")).then().statusCode(404);
    }

    @Test
    void aFilledHoneypotIsAnsweredPolitelyAndOpensNothing() {
        Client robot = new Client();
        String email = uniqueEmail();
        String form = robot.get("/form/SUP").then().extract().asString();

        robot.post("/form/SUP", Map.of("name", "Bot", "email", email, "title", "Cheap pills", "description", "Buy now",
                "website", "http://spam.example", "requestId", hidden(form, "requestId"), "csrf", hidden(form, "csrf")))
                .then().statusCode(200).body(containsString("We received your request"));

        org.hamcrest.MatcherAssert.assertThat(ticketsOf(email), empty());
    }

    @Test
    void aFormFromAnotherWebsiteIsConfirmedHereBeforeAnythingIsOpened() {
        Client client = new Client();
        String email = uniqueEmail();
        // what the plain HTML snippet on a company's site sends: no form token
        String confirm = client.post("/form/SUP", Map.of("name", "Ola <b>Bold</b>", "email", email,
                "title", "Order 1234 missing", "description", "Nothing arrived."))
                .then().statusCode(200)
                .body(containsString("press Send to submit"))
                .body(containsString("value=\"Ola &lt;b&gt;Bold&lt;/b&gt;\""))
                .body(containsString("Nothing arrived.")).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(ticketsOf(email), empty());

        client.post("/form/SUP", Map.of("name", "Ola <b>Bold</b>", "email", email, "title", "Order 1234 missing",
                "description", "Nothing arrived.", "requestId", hidden(confirm, "requestId"), "csrf", hidden(confirm, "csrf")))
                .then().statusCode(303);
        org.hamcrest.MatcherAssert.assertThat(ticketsOf(email), hasSize(1));
    }

    @Test
    void missingAndOversizedFieldsAreExplainedAndWhatWasTypedStays() {
        Client client = new Client();
        String form = client.get("/form/SUP").then().extract().asString();

        client.post("/form/SUP", Map.of("name", "", "email", "not-an-address", "title", "x".repeat(301),
                "description", "<img src=x onerror=alert(1)>", "csrf", hidden(form, "csrf")))
                .then().statusCode(400)
                .body(containsString("Enter your name."))
                .body(containsString("Enter a valid email address"))
                .body(containsString("Keep the subject to at most 300 characters (it has 301)."))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")));
    }

    /** The optional mobile number is checked like any field, kept when the form comes back, and reaches the ticket. */
    @Test
    void anOptionalMobileNumberForSmsUpdatesReachesTheTicket() {
        Client client = new Client();
        String email = uniqueEmail();
        String form = client.get("/form/SUP").then().statusCode(200)
                .body(containsString("Mobile number (for SMS updates)")).extract().asString();
        Map<String, String> sent = new java.util.HashMap<>(filled(email, "Text me", form));

        sent.put("phone", "07700 900123");
        client.post("/form/SUP", sent).then().statusCode(400)
                .body(containsString("Enter your mobile number with + and country code"))
                .body(containsString("value=\"07700 900123\""));
        org.junit.jupiter.api.Assertions.assertEquals(0, ticketsOf(email).size());

        sent.put("phone", "+44 7700 900123");
        client.post("/form/SUP", sent).then().statusCode(303);
        List<Map<String, Object>> tickets = ticketsOf(email);
        org.junit.jupiter.api.Assertions.assertEquals("+447700900123", tickets.get(0).get("clientPhone"));
    }

    @Test
    void oneAddressSendsOnlySoManyFormsAnHour() {
        Client client = new Client();
        for (int i = 0; i < 4; i++) { // the test profile allows 4 an hour; refused forms count too
            client.post("/form/SUP", Map.of("name", "", "email", "")).then().statusCode(200);
        }
        client.post("/form/SUP", Map.of("name", "", "email", "")).then().statusCode(429)
                .header("Retry-After", "3600").body(containsString("Too many requests"));
        new Client().get("/form/SUP").then().statusCode(200);
    }

    @Test
    void oneEmailOpensOnlySoManyTicketsAnHourWhateverItsAddress() {
        String email = uniqueEmail();
        for (int i = 0; i < 2; i++) {
            Client client = new Client();
            String form = client.get("/form/SUP").then().extract().asString();
            client.post("/form/SUP", filled(email, "Request " + i, form)).then().statusCode(303);
        }
        Client third = new Client();
        String form = third.get("/form/SUP").then().extract().asString();
        third.post("/form/SUP", filled(email, "Request 3", form)).then().statusCode(429)
                .body(containsString("Many requests came from " + email));
        org.hamcrest.MatcherAssert.assertThat(ticketsOf(email), hasSize(2));
    }

    @Test
    void theEmbedPageGivesBothSnippetsAndTheFramedFormHasNoHeader() {
        Client client = new Client();
        client.get("/form/SUP/embed").then().statusCode(200)
                .body(containsString("&lt;iframe src=&quot;http://localhost:8082/form/SUP?embed=true&quot;"))
                .body(containsString("&lt;form method=&quot;post&quot; action=&quot;http://localhost:8082/form/SUP&quot;"))
                .body(containsString("name=&quot;website&quot;"));
        client.get("/form/SUP?embed=true").then().statusCode(200)
                .body(not(containsString("class=\"brand\"")))
                .body(containsString("name=\"embed\" value=\"true\""));
        client.get("/form/NOPE/embed").then().statusCode(404);
    }

    @Test
    void agentsSeeTheAccessLogRevokeLinksAndReadTheClientsFeedback() {
        Client client = new Client();
        String email = uniqueEmail();
        String form = client.get("/form/SUP").then().extract().asString();
        String page = pathOf(client.post("/form/SUP", filled(email, "Printer offline", form)).header("Location"));
        String html = await().atMost(Duration.ofSeconds(60)).until(() -> client.get(page).then().extract().asString(),
                body -> body.contains("Printer offline"));
        String ticketId = ticketsOf(email).get(0).get("id").toString();

        client.post(page + "/feedback", Map.of("rating", "5", "csrf", hidden(html, "csrf")))
                .then().statusCode(409).body(containsString("Feedback can be given once the ticket is closed."));

        // the client comments and closes: both really reach ticket-service
        client.post(page + "/comments", Map.of("body", "It works again after a restart.",
                "requestId", hidden(html, "requestId"), "csrf", hidden(html, "csrf"))).then().statusCode(303);
        String afterComment = client.get(page).then().extract().asString();
        client.post(page + "/close", Map.of("requestId", UUID.randomUUID().toString(), "csrf", hidden(afterComment, "csrf")))
                .then().statusCode(303);
        String closed = await().atMost(Duration.ofSeconds(60)).until(() -> client.get(page).then().extract().asString(),
                body -> body.contains("data-status=\"closed\"") && body.contains("It works again after a restart."));

        // feedback, once, with a rating from 1 to 5
        client.post(page + "/feedback", Map.of("rating", "6", "csrf", hidden(closed, "csrf")))
                .then().statusCode(400).body(containsString("Choose a rating from 1 to 5 stars."));
        client.post(page + "/feedback", Map.of("rating", "4", "comment", "Quick <i>help</i>", "csrf", hidden(closed, "csrf")))
                .then().statusCode(303);
        client.get(page).then().body(containsString("★★★★☆")).body(containsString("Quick &lt;i&gt;help&lt;/i&gt;"))
                .body(not(containsString("How did we do?")));
        client.post(page + "/feedback", Map.of("rating", "1", "csrf", hidden(closed, "csrf")))
                .then().statusCode(409).body(containsString("You already gave feedback on this ticket"));
        given().auth().oauth2(admin).get("/api/tickets/{id}/feedback", ticketId).then().statusCode(200)
                .body("rating", equalTo(4)).body("comment", equalTo("Quick <i>help</i>"));

        // the access log: what was done, from which network (never the full address)
        given().auth().oauth2(admin).get("/api/tickets/{id}/links", ticketId).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("ACTIVE"))
                .body("[0].clientEmail", equalTo(email))
                .body("[0].accesses.action", org.hamcrest.Matchers.hasItems("VIEW", "COMMENT", "CLOSE", "FEEDBACK"))
                .body("[0].accesses[0].clientNetwork", equalTo(client.network()));

        // revoked: the old link shows the plain not-found page; a newly minted one works
        given().auth().oauth2(admin).post("/api/tickets/{id}/links/revoke", ticketId).then().statusCode(200)
                .body("revoked", equalTo(1));
        client.get(page).then().statusCode(404).body(containsString("does not open a ticket"));
        given().auth().oauth2(admin).get("/api/tickets/{id}/links", ticketId).then().body("[0].state", equalTo("REVOKED"));
        String fresh = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType("application/json").body(Map.of("clientEmail", email))
                .post("/internal/tickets/{id}/links", ticketId).then().statusCode(201).extract().path("url");
        client.get(pathOf(fresh)).then().statusCode(200).body(containsString("Printer offline"));
    }

    @Test
    void theAgentApiNeedsAnAgentAndATicketTheAgentMaySee() {
        given().get("/api/tickets/{id}/links", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(admin).get("/api/tickets/{id}/links", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin).post("/api/tickets/{id}/links/revoke", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/tickets/{id}/feedback", UUID.randomUUID()).then().statusCode(404);
    }

    private static Map<String, String> filled(String email, String title, String form) {
        return Map.of("name", "Sam Client", "email", email, "title", title, "description", "Details: " + title,
                "requestId", hidden(form, "requestId"), "csrf", hidden(form, "csrf"));
    }

    /** The tickets ticket-service holds for a client, asked as an admin would. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ticketsOf(String email) {
        return given().auth().oauth2(admin).queryParam("clientEmail", email)
                .get(TicketServiceProcess.baseUrl + "/api/tickets").then().statusCode(200).extract().as(List.class);
    }

    private static String uniqueEmail() {
        return "form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name + " in " + html);
        }
        return matcher.group(1);
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/t/"));
    }

    /** A browser at its own address (via the trusted proxy header), so rate limits of one test never hit another. */
    static final class Client {
        private final String address = "203.0." + ADDRESSES.getAndIncrement() + ".77";

        RequestSpecification request() {
            return given().header("X-Forwarded-For", address).redirects().follow(false);
        }

        Response get(String path) {
            return request().get(path);
        }

        Response post(String path, Map<String, String> form) {
            return request().formParams(form).post(path);
        }

        String network() {
            return address.substring(0, address.lastIndexOf('.')) + ".0/24";
        }
    }
}
