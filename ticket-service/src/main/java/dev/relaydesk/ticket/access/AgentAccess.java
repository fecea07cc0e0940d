package dev.relaydesk.ticket.access;

import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.sql.Scalars;
import dev.relaydesk.ticket.ticket.Ticket;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tickets the calling agent may see: admins all, agents those of the types they are allowed on.
 * A ticket outside that is "not found", never "forbidden", so its existence does not leak.
 */
@RequestScoped
public class AgentAccess {

    private final SecurityIdentity identity;
    private List<UUID> allowedTypes;

    AgentAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean seesAllTypes() {
        return identity.hasRole("admin");
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    /** The type ids this agent may manage; meaningless for admins (see {@link #seesAllTypes()}). */
    public List<UUID> allowedTypes() {
        if (allowedTypes == null) {
            allowedTypes = Scalars.list(UUID.class, "select type_id from ticket_type_agent where agent = :agent",
                    "agent", username());
        }
        return allowedTypes;
    }

    public boolean maySee(Ticket ticket) {
        return mayManage(ticket.type);
    }

    public boolean mayManage(TicketType type) {
        return seesAllTypes() || allowedTypes().contains(type.id);
    }

    /** The ticket, if it exists and this agent may see it; otherwise 404. */
    public Ticket visibleTicket(UUID id) {
        return Optional.ofNullable(Ticket.<Ticket>findById(id))
                .filter(this::maySee)
                .orElseThrow(() -> new NotFoundException("No ticket " + id));
    }
}
