package dev.relaydesk.notification.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The placeholders every template may use, by name ({@code {portalLink}}, {@code {clientFirstName}}, ...).
 * {@code {bookingLink}} is the ticket's "Book a call" page where its project takes bookings (empty otherwise);
 * {@code {appointmentTime}} the booked call, in the project's time zone (appointment confirmations only).
 * Unknown values are empty strings, so a template renders the same whatever the event knew.
 */
public record MailData(
        String portalLink,
        String clientFirstName,
        String clientName,
        String ticketNumber,
        String title,
        String stage,
        String noteText,
        String agentName,
        String projectName,
        String accessCode,
        String accessCodeMinutes,
        String bookingLink,
        String appointmentTime) {

    /** The access code's mail and its siblings, which know of no booking. */
    public MailData(String portalLink, String clientFirstName, String clientName, String ticketNumber, String title,
            String stage, String noteText, String agentName, String projectName, String accessCode,
            String accessCodeMinutes) {
        this(portalLink, clientFirstName, clientName, ticketNumber, title, stage, noteText, agentName, projectName,
                accessCode, accessCodeMinutes, null, null);
    }

    /** Every mail but the access code's. */
    public MailData(String portalLink, String clientFirstName, String clientName, String ticketNumber, String title,
            String stage, String noteText, String agentName, String projectName) {
        this(portalLink, clientFirstName, clientName, ticketNumber, title, stage, noteText, agentName, projectName,
                null, null);
    }

    /** What a preview shows for a ticket the service has never heard of. */
    public static final MailData SAMPLE = new MailData("https://portal.example/t/sample-link", "Jane", "Jane Doe",
            "SUP-42", "Printer on floor 3 prints blank pages", "In progress",
            "Please restart the printer and tell us if it helps.", "Alex Agent", "Support", "048213", "10",
            "https://portal.example/t/sample-link/book", "Monday 7 December 2026, 09:00–09:30 (Europe/Berlin)");

    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("portalLink", orEmpty(portalLink));
        values.put("clientFirstName", orEmpty(clientFirstName));
        values.put("clientName", orEmpty(clientName));
        values.put("ticketNumber", orEmpty(ticketNumber));
        values.put("title", orEmpty(title));
        values.put("stage", orEmpty(stage));
        values.put("noteText", orEmpty(noteText));
        values.put("agentName", orEmpty(agentName));
        values.put("projectName", orEmpty(projectName));
        values.put("accessCode", orEmpty(accessCode));
        values.put("accessCodeMinutes", orEmpty(accessCodeMinutes));
        values.put("bookingLink", orEmpty(bookingLink));
        values.put("appointmentTime", orEmpty(appointmentTime));
        return values;
    }

    public MailData withPortalLink(String link) {
        return new MailData(link, clientFirstName, clientName, ticketNumber, title, stage, noteText, agentName, projectName,
                accessCode, accessCodeMinutes, bookingLink, appointmentTime);
    }

    /** @param link the ticket's booking page, or null (empty) where its project takes no bookings */
    public MailData withBookingLink(String link) {
        return new MailData(portalLink, clientFirstName, clientName, ticketNumber, title, stage, noteText, agentName,
                projectName, accessCode, accessCodeMinutes, link, appointmentTime);
    }

    /** Whether a template's text shows the booking link (minting one needs portal-service). */
    public static boolean mentionsBookingLink(String... sources) {
        for (String source : sources) {
            if (source != null && source.contains("bookingLink")) {
                return true;
            }
        }
        return false;
    }

    /** "Jane" of "Jane Doe"; a greeting word when the name is unknown. */
    public static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        return fullName.strip().split("\\s+")[0];
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
