package dev.relaydesk.portal.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins set a project's booking through the admin API; agents may not; bad settings are problem+json naming the field. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class BookingSettingsTest {

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void anAdminSwitchesBookingOnWithHoursInTheProjectsZone() {
        String project = project();
        given().auth().oauth2(admin).get("/api/admin/projects/{key}/booking", project).then().statusCode(200)
                .body("enabled", equalTo(false)).body("timeZone", equalTo("UTC")).body("weeklyHours", hasSize(0));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(settings(true, "Europe/Berlin", List.of(
                        hours("TUESDAY", "14:00", "17:00"), hours("MONDAY", "09:00", "12:00"),
                        hours("MONDAY", "13:00", "16:30")), 30, 14, 2))
                .put("/api/admin/projects/{key}/booking", project.toLowerCase()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("timeZone", equalTo("Europe/Berlin"))
                .body("weeklyHours", hasSize(3))
                .body("weeklyHours[0].day", equalTo("MONDAY")).body("weeklyHours[0].from", equalTo("09:00"))
                .body("weeklyHours[1].from", equalTo("13:00")).body("weeklyHours[1].to", equalTo("16:30"))
                .body("weeklyHours[2].day", equalTo("TUESDAY"))
                .body("capacity", equalTo(2)).body("updatedAt", notNullValue());

        given().auth().oauth2(admin).get("/api/admin/projects/{key}/booking", project).then().statusCode(200)
                .body("enabled", equalTo(true)).body("slotMinutes", equalTo(30)).body("daysAhead", equalTo(14));
        given().auth().oauth2(admin).get("/api/admin/projects/{key}/appointments", project).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        String project = project();
        String url = "/api/admin/projects/" + project + "/booking";
        refused(settings(true, "Mars/Olympus", List.of(hours("MONDAY", "09:00", "12:00")), 30, 14, 1), url, "timeZone");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "12:00", "09:00")), 30, 14, 1), url,
                "weeklyHours[0].to");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "09:00", "12:00"), hours("MONDAY", "11:00", "13:00")),
                30, 14, 1), url, "weeklyHours");
        refused(settings(true, "UTC", List.of(), 30, 14, 1), url, "weeklyHours");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "9 am", "12:00")), 30, 14, 1), url, "from");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "09:00", "12:00")), 2, 14, 1), url, "slotMinutes");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "09:00", "12:00")), 30, 0, 1), url, "daysAhead");
        refused(settings(true, "UTC", List.of(hours("MONDAY", "09:00", "12:00")), 30, 14, 0), url, "capacity");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"enabled\": true, \"timeZone\": \"UTC\", \"weeklyHours\": [{\"day\": \"FUNDAY\","
                        + " \"from\": \"09:00\", \"to\": \"10:00\"}], \"slotMinutes\": 30, \"daysAhead\": 3, \"capacity\": 1}")
                .put(url).then().statusCode(400).contentType("application/problem+json");
        // nothing of the refused settings was kept
        given().auth().oauth2(admin).get(url).then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void onlyAdminsSeeAndChangeBookingSettings() {
        String project = project();
        given().auth().oauth2(agent).get("/api/admin/projects/{key}/booking", project).then().statusCode(403);
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(settings(true, "UTC", List.of(hours("MONDAY", "09:00", "12:00")), 30, 14, 1))
                .put("/api/admin/projects/{key}/booking", project).then().statusCode(403);
        given().get("/api/admin/projects/{key}/booking", project).then().statusCode(401);
    }

    private void refused(Map<String, Object> body, String url, String field) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(url).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field.endsWith('" + field + "') }", notNullValue());
    }

    static Map<String, Object> settings(boolean enabled, String zone, List<Map<String, String>> hours, int slotMinutes,
            int daysAhead, int capacity) {
        return Map.of("enabled", enabled, "timeZone", zone, "weeklyHours", hours, "slotMinutes", slotMinutes,
                "daysAhead", daysAhead, "capacity", capacity);
    }

    static Map<String, String> hours(String day, String from, String to) {
        return Map.of("day", day, "from", from, "to", to);
    }

    static String project() {
        return "BK" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }
}
