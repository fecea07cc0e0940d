package dev.relaydesk.portal.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.events.ClientRegistered;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.portal.registration.IdentityClients.NewClient;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Registration offered, not forced: a client whose email owns two or more tickets may create an account from a
 * ticket link (the link proved the address). identity-service creates the Keycloak account; the portal remembers
 * the email and announces {@link ClientRegistered}.
 */
@ApplicationScoped
public class ClientRegistrations {

    /** Tickets an email must own before the link page offers an account. */
    public static final int TICKETS_FOR_OFFER = 2;
    public static final int MAX_NAME = 100;

    public interface Outcome {
    }

    /** The account exists now. */
    public record Created() implements Outcome {
    }

    /** Keycloak had an account for this email already; the portal now knows it too. */
    public record ExistedBefore() implements Outcome {
    }

    /** Something the client typed was refused; the message says what to change. */
    public record Refused(String field, String message) implements Outcome {
    }

    /** identity-service could not be reached or failed. */
    public record Unavailable() implements Outcome {
    }

    private static final Logger LOG = Logger.getLogger(ClientRegistrations.class);

    private final IdentityClients identity;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    ClientRegistrations(@RestClient IdentityClients identity, Outbox outbox, EntityManager entityManager,
            ObjectMapper json) {
        this.identity = identity;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    public boolean isRegistered(String email) {
        return RegisteredClient.findById(normalized(email)) != null;
    }

    /** Whether the link page of a ticket of this email shows the registration offer. */
    public boolean offeredTo(String email) {
        return !isRegistered(email)
                && PortalTicket.count("lower(clientEmail) = ?1", normalized(email)) >= TICKETS_FOR_OFFER;
    }

    /** Creates the account; the password goes to identity-service and nowhere else (not logged, not stored). */
    public Outcome register(String email, String firstName, String lastName, String password) {
        String address = normalized(email);
        String name = (firstName.strip() + " " + lastName.strip()).strip();
        try {
            identity.register(new NewClient(address, firstName.strip(), lastName.strip(), password));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                QuarkusTransaction.requiringNew().run(() -> remember(address, name));
                return new ExistedBefore();
            }
            if (status == 400) {
                return refusal(e);
            }
            if (status == 422) {
                return veto(e);
            }
            LOG.warnf("Registration of a client failed: identity-service answered HTTP %d", status);
            return new Unavailable();
        } catch (RuntimeException e) {
            LOG.warnf("Registration of a client failed: %s", e.getMessage());
            return new Unavailable();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (remember(address, name)) {
                outbox.publish(new ClientRegistered(address, name, Instant.now()));
            }
        });
        return new Created();
    }

    /** True when this call recorded the email (a racing second submission finds it recorded). */
    private boolean remember(String email, String name) {
        return entityManager.createNativeQuery("""
                insert into registered_client (email, name, registered_at) values (?1, ?2, ?3)
                on conflict (email) do nothing""")
                .setParameter(1, email)
                .setParameter(2, name)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** The company's registration provider said no: its words, as they came, are for the client. */
    private Refused veto(WebApplicationException e) {
        try {
            String message = json.readTree(e.getResponse().readEntity(String.class)).path("detail").asText("");
            if (!message.isBlank()) {
                return new Refused(null, message);
            }
        } catch (RuntimeException | java.io.IOException parseFailure) {
            // answered below
        }
        return new Refused(null, "An account cannot be created for this address.");
    }

    private Refused refusal(WebApplicationException e) {
        try {
            JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            JsonNode first = problem.path("errors").path(0);
            String field = first.path("field").asText("password");
            String message = first.path("message").asText(problem.path("detail").asText(""));
            if (field.equals("password") && !message.isBlank()) {
                return new Refused("password", message);
            }
            return new Refused(field, "Please check " + switch (field) {
                case "firstName" -> "your first name.";
                case "lastName" -> "your last name.";
                default -> "what you entered.";
            });
        } catch (RuntimeException | java.io.IOException parseFailure) {
            return new Refused("password", "Your registration could not be accepted. Please check what you entered.");
        }
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
