package dev.relaydesk.portal.booking;

import static dev.relaydesk.portal.booking.BookingSettingsTest.hours;
import static dev.relaydesk.portal.booking.BookingSettingsTest.settings;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.AppointmentChanged.Change;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A client books a call from their ticket's link: the free slots of the project in its zone, booking, moving and
 * cancelling (each told to the other services as an event), a full slot refused with a readable page, and clients
 * racing for the last places of a slot never overfill it.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class BookingPageTest {

    private static final String ZONE = "America/New_York";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    private String admin;

    @Test
    void aClientBooksMovesAndCancelsACallInTheProjectsZone() {
        String project = BookingSettingsTest.project();
        TicketCreated ticket = ticket(project, "Router keeps rebooting");
        String page = pageOf(ticket);
        String html = given().get(page).then().statusCode(200).extract().asString();
        assertFalse(html.contains("Book a call"), "no booking while the project has it off");
        given().get(page + "/book").then().statusCode(404).body(containsString("cannot be booked online"));

        openBooking(project, 2);
        html = given().get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("href=\"" + page + "/book\">Book a call</a>"), html);
        String booking = given().get(page + "/book").then().statusCode(200)
                .body(containsString("Times are in " + ZONE + ". A call takes 30 minutes."))
                .extract().asString();
        List<String> offered = slots(booking);
        assertTrue(offered.size() >= 10, "slots of the coming days are offered: " + offered.size());
        Instant first = Instant.parse(offered.get(0));
        assertTrue(first.isAfter(Instant.now()), "only slots that have not started");
        // the slot's buttons read in the project's zone (the hours are 08:00-18:00 there)
        String label = String.format("%02d:%02d", first.atZone(ZoneId.of(ZONE)).getHour(),
                first.atZone(ZoneId.of(ZONE)).getMinute());
        assertTrue(booking.contains("value=\"" + first + "\" class=\"slot\" data-slot=\"" + first + "\">" + label + "</button>"));
        int hour = first.atZone(ZoneId.of(ZONE)).getHour();
        assertTrue(hour >= 8 && hour < 18, "hour in the project's zone: " + hour);

        // without the page's form token nothing is booked
        post(page + "/book", Map.of("slot", first.toString(), "csrf", "forged")).then().statusCode(403);

        String csrf = hidden(booking, "csrf");
        post(page + "/book", Map.of("slot", first.toString(), "csrf", csrf)).then().statusCode(303)
                .header("Location", containsString(page + "/book?sent=booked"));
        given().get(page + "/book?sent=booked").then().statusCode(200)
                .body(containsString("Your call is booked."))
                .body(containsString("data-call=\"" + first + "\""))
                .body(containsString("(" + ZONE + ")"));
        given().get(page).then().statusCode(200).body(containsString("Your call: <strong>"))
                .body(containsString("Move or cancel it"));
        AppointmentChanged booked = event(ticket, Change.BOOKED);
        assertEquals(first, booked.startsAt());
        assertEquals(first.plus(Duration.ofMinutes(30)), booked.endsAt());
        assertEquals(ZONE, booked.timeZone());
        assertEquals(ticket.clientEmail(), booked.clientEmail());
        assertEquals(ticket.number(), booked.number());

        // the same post again (a reload) books nothing more; another time moves the call
        post(page + "/book", Map.of("slot", first.toString(), "csrf", csrf)).then().statusCode(303);
        Instant second = Instant.parse(offered.get(3));
        post(page + "/book", Map.of("slot", second.toString(), "csrf", csrf)).then().statusCode(303)
                .header("Location", containsString("sent=moved"));
        AppointmentChanged moved = event(ticket, Change.MOVED);
        assertEquals(second, moved.startsAt());
        assertEquals(first, moved.previousStartsAt());
        given().auth().oauth2(admin()).get("/api/admin/projects/{key}/appointments", project).then().statusCode(200)
                .body("", hasSize(1)).body("[0].startsAt", equalTo(second.toString()))
                .body("[0].ticketId", equalTo(ticket.ticketId().toString()));

        // a time the project does not offer is refused on the page
        post(page + "/book", Map.of("slot", first.plusSeconds(60).toString(), "csrf", csrf)).then().statusCode(400)
                .body(containsString("That time is not offered"));
        post(page + "/book", Map.of("slot", "tomorrow at nine", "csrf", csrf)).then().statusCode(400)
                .body(containsString("Choose one of the times below."));

        post(page + "/book/cancel", Map.of("csrf", csrf)).then().statusCode(303)
                .header("Location", containsString("sent=cancelled"));
        given().get(page + "/book?sent=cancelled").then().statusCode(200)
                .body(containsString("Your call was cancelled.")).body(not(containsString("data-call=")));
        AppointmentChanged cancelled = event(ticket, Change.CANCELLED);
        assertEquals(second, cancelled.startsAt());
        assertNull(cancelled.previousStartsAt());
        given().auth().oauth2(admin()).get("/api/admin/projects/{key}/appointments", project).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void aFullSlotIsRefusedWithAReadablePageAndTheOldCallStays() {
        String project = BookingSettingsTest.project();
        openBooking(project, 1);
        TicketCreated ana = ticket(project, "Invoice of Ana");
        TicketCreated ben = ticket(project, "Invoice of Ben");
        String anaPage = pageOf(ana);
        String benPage = pageOf(ben);
        String benBooking = given().get(benPage + "/book").then().statusCode(200).extract().asString();
        List<String> offered = slots(benBooking);
        String wanted = offered.get(1);
        String benCsrf = hidden(benBooking, "csrf");
        post(benPage + "/book", Map.of("slot", offered.get(0), "csrf", benCsrf)).then().statusCode(303);

        String anaBooking = given().get(anaPage + "/book").then().statusCode(200).extract().asString();
        assertEquals(offered.get(1), slots(anaBooking).get(0), "Ben's taken slot is no longer offered to Ana");
        post(anaPage + "/book", Map.of("slot", wanted, "csrf", hidden(anaBooking, "csrf"))).then().statusCode(303);

        // Ben's page still offered it: his move is refused, readably, and he keeps his call
        post(benPage + "/book", Map.of("slot", wanted, "csrf", benCsrf)).then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("that time was just taken by someone else"))
                .body(containsString("data-call=\"" + offered.get(0) + "\""));
        given().auth().oauth2(admin()).get("/api/admin/projects/{key}/appointments", project).then().statusCode(200)
                .body("", hasSize(2))
                .body("find { it.ticketId == '" + ben.ticketId() + "' }.startsAt", equalTo(offered.get(0)));
    }

    /** Five clients post for the same slot at once; it holds two calls: exactly two get it, whatever the timing. */
    @Test
    void clientsRacingForTheLastPlacesCannotOverfillASlot() throws Exception {
        String project = BookingSettingsTest.project();
        openBooking(project, 2);
        List<String> pages = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String slot = null;
        for (int i = 0; i < 5; i++) {
            String page = pageOf(ticket(project, "Racer " + i));
            String html = given().get(page + "/book").then().statusCode(200).extract().asString();
            slot = slot == null ? slots(html).get(2) : slot;
            pages.add(page);
            tokens.add(hidden(html, "csrf"));
        }
        String contested = slot;
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int client = i;
            answers.add(pool.submit(() -> {
                start.await();
                return post(pages.get(client) + "/book", Map.of("slot", contested, "csrf", tokens.get(client)))
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(2, statuses.stream().filter(s -> s == 303).count(), "booked: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "refused as full: " + statuses);
        given().auth().oauth2(admin()).get("/api/admin/projects/{key}/appointments", project).then().statusCode(200)
                .body("", hasSize(2)).body("startsAt", equalTo(List.of(contested, contested)));
    }

    @Test
    void notificationServiceGetsTheBookingPageWithTheLinkOnlyWhereBookingIsOn() {
        String project = BookingSettingsTest.project();
        TicketCreated ticket = ticket(project, "Link for SMS");
        Map<String, Object> before = mint(ticket);
        assertNull(before.get("bookingUrl"));
        openBooking(project, 1);
        Map<String, Object> after = mint(ticket);
        assertEquals(after.get("url") + "/book", after.get("bookingUrl"));
        given().get(pathOf((String) after.get("bookingUrl"))).then().statusCode(200)
                .body(containsString("Choose a time"));
    }

    /** Fetched when first needed, and once more when a loaded machine makes Keycloak's first answer time out. */
    private String admin() {
        if (admin == null) {
            try {
                admin = KeycloakTokens.accessToken("admin", "admin");
            } catch (IllegalStateException slowKeycloak) {
                admin = KeycloakTokens.accessToken("admin", "admin");
            }
        }
        return admin;
    }

    private void openBooking(String project, int capacity) {
        List<Map<String, String>> week = Arrays.stream(DayOfWeek.values())
                .map(day -> hours(day.name(), "08:00", "18:00")).toList();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(settings(true, ZONE, week, 30, 3, capacity))
                .put("/api/admin/projects/{key}/booking", project).then().statusCode(200);
    }

    private TicketCreated ticket(String project, String title) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        TicketCreated ticket = new TicketCreated(id, 0, project + "-" + Math.abs(id.hashCode() % 100000), project,
                golden.projectName(), golden.projectAddress(), title, "Details of " + title,
                "client-" + id.toString().substring(0, 8) + "@example.com", golden.clientName(), golden.status(),
                golden.stage(), golden.source(), golden.threadMessageId(), golden.createdAt(), golden.type(),
                golden.priority(), golden.clientOrganization());
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        return ticket;
    }

    /** The ticket's link page, once its event has reached the read model. */
    private String pageOf(TicketCreated ticket) {
        String page = pathOf((String) mint(ticket).get("url"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(page).then().statusCode(200)
                .body(containsString(ticket.title())));
        return page;
    }

    private Map<String, Object> mint(TicketCreated ticket) {
        return given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON)
                .body(Map.of("clientEmail", ticket.clientEmail()))
                .post("/internal/tickets/{id}/links", ticket.ticketId())
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private AppointmentChanged event(TicketCreated ticket, Change change) {
        return EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.APPOINTMENT_CHANGED.topic(),
                record -> record.key().equals(ticket.ticketId().toString()) && record.value().contains("\"" + change + "\""))
                .value(), AppointmentChanged.class);
    }

    private static Response post(String path, Map<String, String> form) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParams(form).post(path);
    }

    private static List<String> slots(String html) {
        Matcher matcher = Pattern.compile("name=\"slot\" value=\"([^\"]+)\"").matcher(html);
        List<String> slots = new ArrayList<>();
        while (matcher.find()) {
            slots.add(matcher.group(1));
        }
        return slots;
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/t/"));
    }
}
