package dev.relaydesk.ticket.client;

import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/** What a client may act on: their own ticket. Any other ticket is "not found", so none leaks. */
public final class ClientTickets {

    private ClientTickets() {
    }

    public static Ticket own(UUID id, String clientEmail) {
        if (clientEmail == null || clientEmail.isBlank()) {
            throw new InvalidFieldException("clientEmail", "clientEmail is required");
        }
        return Optional.ofNullable(Ticket.<Ticket>findById(id))
                .filter(ticket -> ticket.isClient(clientEmail))
                .orElseThrow(() -> new NotFoundException("No ticket " + id + " for this client"));
    }
}
