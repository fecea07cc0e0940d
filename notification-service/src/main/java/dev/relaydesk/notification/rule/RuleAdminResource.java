package dev.relaydesk.notification.rule;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.notification.delivery.Delivery.Channel;
import dev.relaydesk.notification.rule.NotificationRule.Audience;
import dev.relaydesk.notification.sms.PhoneNumbers;
import dev.relaydesk.notification.template.MailData;
import dev.relaydesk.notification.template.TemplateRenderer;
import dev.relaydesk.web.InvalidFieldException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Automated actions. A rule fires on one event ({@code created, note_added, stage_changed, assigned, updated,
 * closed, reopened}) for tickets meeting its conditions ({@code projectKey, type, stage, priority}, and
 * {@code customField} with {@code customFieldValue}: the field's value equals it, ignoring case and surrounding
 * blanks; unset means any) and sends an {@code email} to {@code client}, {@code assignees} or {@code fixed}, or an
 * {@code sms} to {@code client} (the mobile number the ticket carries) or {@code fixed} (then {@code address}: an
 * email address, or an E.164 number for SMS), from its own Qute template ({@code subject}
 * for email, {@code body}) with the mail templates' placeholders. Rules on note_added see public notes only.
 */
@Path("/api/admin/notification-rules")
@RolesAllowed("admin")
public class RuleAdminResource {

    private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record RuleRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String on,
            String projectKey,
            String type,
            String stage,
            String priority,
            @Size(max = 100) String customField,
            @Size(max = 2000) String customFieldValue,
            @NotBlank String channel,
            @NotBlank String to,
            String address,
            @Size(max = 500) String subject,
            @NotBlank @Size(max = 10_000) String body) {
    }

    public record RuleView(UUID id, String name, String on, String projectKey, String type, String stage,
            String priority, String channel, String to, String address, String subject, String body,
            Instant createdAt, String createdBy, String customField, String customFieldValue) {
    }

    private final TemplateRenderer renderer;
    private final SecurityIdentity identity;

    RuleAdminResource(TemplateRenderer renderer, SecurityIdentity identity) {
        this.renderer = renderer;
        this.identity = identity;
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull RuleRequest request) {
        NotificationRule rule = new NotificationRule();
        rule.id = UUID.randomUUID();
        rule.name = request.name().strip();
        rule.onEvent = RuleEvent.ofSlug(request.on()).orElseThrow(() -> new InvalidFieldException("on",
                "on is one of " + Arrays.stream(RuleEvent.values()).map(RuleEvent::slug).toList() + "."));
        rule.projectKey = blankToNull(request.projectKey());
        rule.ticketType = blankToNull(request.type());
        rule.stage = blankToNull(request.stage());
        rule.priority = priorityOf(blankToNull(request.priority()));
        rule.customField = blankToNull(request.customField());
        rule.customFieldValue = blankToNull(request.customFieldValue());
        checkCustomField(rule);
        rule.channel = enumOf(Channel.class, "channel", request.channel());
        rule.audience = enumOf(Audience.class, "to", request.to());
        rule.fixedAddress = blankToNull(request.address());
        rule.subject = rule.channel == Channel.EMAIL ? blankToNull(request.subject()) : null;
        rule.body = request.body();
        checkRecipient(rule);
        // a template that cannot render is refused now, not found out when the event comes
        renderer.renderText("body", rule.body, MailData.SAMPLE);
        if (rule.subject != null) {
            renderer.renderText("subject", rule.subject, MailData.SAMPLE);
        }
        rule.createdAt = Instant.now();
        rule.createdBy = identity.getPrincipal().getName();
        rule.persist();
        return Response.created(URI.create("/api/admin/notification-rules/" + rule.id)).entity(view(rule)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> list() {
        return NotificationRule.<NotificationRule>listAll().stream()
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .map(RuleAdminResource::view)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleView read(@PathParam("id") UUID id) {
        return view(find(id));
    }

    /** The rule fires no more; its messages not sent yet are given up (the delivery log says why). */
    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") UUID id) {
        find(id).delete();
    }

    private static NotificationRule find(UUID id) {
        return NotificationRule.<NotificationRule>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no notification rule " + id + "."));
    }

    private static void checkCustomField(NotificationRule rule) {
        if (rule.customField == null && rule.customFieldValue != null) {
            throw new InvalidFieldException("customField", "A custom-field condition names the field (its key) too.");
        }
        if (rule.customField != null) {
            if (!FIELD_KEY.matcher(rule.customField).matches()) {
                throw new InvalidFieldException("customField",
                        "A custom field is named by its key: letters, digits, '_', '-' or '.' (contract_number).");
            }
            if (rule.customFieldValue == null) {
                throw new InvalidFieldException("customFieldValue", "A custom-field condition needs the value to match.");
            }
        }
    }

    /** Tickets carry the client's mobile number (when given), never an agent's: an SMS goes to the client or a fixed number. */
    private static void checkRecipient(NotificationRule rule) {
        if (rule.channel == Channel.SMS && rule.audience == Audience.ASSIGNEES) {
            throw new InvalidFieldException("to", "An SMS goes to the client or to a fixed number (to: fixed,"
                    + " address: +4915112345678): agents' phone numbers are not known.");
        }
        if (rule.audience == Audience.FIXED) {
            if (rule.fixedAddress == null) {
                throw new InvalidFieldException("address", "A rule sending to a fixed recipient needs its address.");
            }
            if (rule.channel == Channel.SMS && !PhoneNumbers.isE164(rule.fixedAddress)) {
                throw new InvalidFieldException("address",
                        "An SMS number is written in E.164 form: + country code and number, digits only (+4915112345678).");
            }
            if (rule.channel == Channel.EMAIL && !EMAIL.matcher(rule.fixedAddress).matches()) {
                throw new InvalidFieldException("address", "This is not an email address.");
            }
        } else if (rule.fixedAddress != null) {
            throw new InvalidFieldException("address", "Only a rule sending to a fixed recipient has an address.");
        }
    }

    private static String priorityOf(String priority) {
        return priority == null ? null : enumOf(TicketPriority.class, "priority", priority).name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, field + " is one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList() + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RuleView view(NotificationRule rule) {
        return new RuleView(rule.id, rule.name, rule.onEvent.slug(), rule.projectKey, rule.ticketType, rule.stage,
                rule.priority, rule.channel.name().toLowerCase(Locale.ROOT),
                rule.audience.name().toLowerCase(Locale.ROOT), rule.fixedAddress, rule.subject, rule.body,
                rule.createdAt, rule.createdBy, rule.customField, rule.customFieldValue);
    }
}
