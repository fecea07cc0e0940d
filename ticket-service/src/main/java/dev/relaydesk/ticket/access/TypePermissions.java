package dev.relaydesk.ticket.access;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;
import java.util.UUID;

/** Which agents may manage a ticket type (admins may manage every type and are not listed). */
public final class TypePermissions {

    private TypePermissions() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> agentsOf(UUID typeId) {
        return Panache.getEntityManager()
                .createNativeQuery("select agent from ticket_type_agent where type_id = :type order by agent", String.class)
                .setParameter("type", typeId)
                .getResultList();
    }
}
