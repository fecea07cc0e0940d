package dev.relaydesk.portal.page;

import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.LinkPolicies;
import dev.relaydesk.portal.link.WriteCodes;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether this browser may write through the link it opened, for the link page and its template (as
 * {@code inject:writeGate}): where the project's link policy asks for a code, a browser writes only after it entered
 * one mailed to the client (see {@link WriteCodes}); until then the page shows the code form, and a refused post
 * comes back with what the client typed. Pages of logged-in clients never prepare it: it stays open.
 */
@Named("writeGate")
@RequestScoped
public class WriteGate {

    /** The trusted-browser cookie; one per link, as its path is the link's. */
    static final String COOKIE = "relaydesk-write";

    private final WriteCodes codes;
    private final LinkPolicies policies;

    @Inject
    RoutingContext request;

    private boolean prepared;
    private boolean required;
    private boolean trusted;
    private boolean codeSent;
    private String maskedEmail = "";
    private String notice;
    private String error;
    private String feedbackComment = "";
    private int feedbackRating;

    WriteGate(WriteCodes codes, LinkPolicies policies) {
        this.codes = codes;
        this.policies = policies;
    }

    /** Works out the gate for this link and browser (once per request); the ticket may not have arrived yet. */
    WriteGate prepare(AccessLink link, PortalTicket ticket) {
        if (!prepared) {
            prepared = true;
            required = ticket != null && policies.writeCodeRequired(ticket.projectKey);
            if (required) {
                Cookie cookie = request.request().getCookie(COOKIE);
                trusted = codes.trusts(link, cookie == null ? null : cookie.getValue());
                codeSent = !trusted && codes.hasLiveCode(link);
                maskedEmail = WriteCodes.masked(link.clientEmail);
            }
        }
        return this;
    }

    /** Whether a post from this browser must be refused until it enters a code. */
    boolean refuses(AccessLink link, PortalTicket ticket) {
        return prepare(link, ticket).locked();
    }

    void refused() {
        error = "Not sent yet: this browser needs the code from your email first. What you wrote is kept below.";
    }

    void codeSent(Instant expiresAt) {
        codeSent = true;
        notice = "We emailed a code to " + maskedEmail + ". It is valid for "
                + Math.max(1, Duration.between(Instant.now(), expiresAt).toMinutes() + 1) + " minutes.";
    }

    void trustedNow() {
        trusted = true;
        codeSent = false;
    }

    void codeNotLive() {
        codeSent = false;
    }

    void error(String message) {
        error = message;
    }

    void keepFeedback(String rating, String comment) {
        feedbackRating = TicketPage.ratingOf(rating);
        feedbackComment = comment == null ? "" : comment;
    }

    /** The cookie that lets this browser write through the link until the link expires. */
    NewCookie trustCookie(AccessLink link, String token, String value) {
        long seconds = Math.max(60, Duration.between(Instant.now(), policies.expiresAt(link)).toSeconds());
        return new NewCookie.Builder(COOKIE).value(value).path("/t/" + token)
                .maxAge((int) Math.min(Integer.MAX_VALUE, seconds))
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .secure("https".equalsIgnoreCase(request.request().scheme()))
                .build();
    }

    /** The browser's preferred language ("de" of "de-CH,de;q=0.9"), for the code's mail; null when it says none. */
    String preferredLanguage() {
        String header = request.request().getHeader("Accept-Language");
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].split(";", 2)[0].split("-", 2)[0].strip().toLowerCase(Locale.ROOT);
        return first.matches("[a-z]{2,3}") ? first : null;
    }

    /** The project asks for a code before a browser writes through a link. */
    public boolean required() {
        return required;
    }

    /** The project asks for a code and this browser has not entered one. */
    public boolean locked() {
        return required && !trusted;
    }

    public boolean codeSent() {
        return codeSent;
    }

    public String maskedEmail() {
        return maskedEmail;
    }

    public String notice() {
        return notice;
    }

    public String error() {
        return error;
    }

    public String feedbackComment() {
        return feedbackComment;
    }

    public int feedbackRating() {
        return feedbackRating;
    }
}
