package dev.relaydesk.ticket.access;

import dev.relaydesk.ticket.sql.Scalars;
import java.util.List;
import java.util.UUID;

/** Which agents may manage a ticket type (admins may manage every type and are not listed). */
public final class TypePermissions {

    private TypePermissions() {
    }

    public static List<String> agentsOf(UUID typeId) {
        return Scalars.list(String.class, "select agent from ticket_type_agent where type_id = :type order by agent",
                "type", typeId);
    }
}
