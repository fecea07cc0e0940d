package dev.relaydesk.portal.link;

import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long links live, per project. A link older than its project's period opens nothing; the next mail to the
 * client carries a freshly minted one, so the client never has to ask.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LinkPolicies {

    private final int defaultExpiryDays;

    LinkPolicies(@ConfigProperty(name = "relaydesk.portal.links.default-expiry-days", defaultValue = "90") int defaultExpiryDays) {
        this.defaultExpiryDays = defaultExpiryDays;
    }

    public int expiryDays(String projectKey) {
        if (projectKey == null) {
            return defaultExpiryDays;
        }
        LinkPolicy policy = LinkPolicy.findById(projectKey.toUpperCase(Locale.ROOT));
        return policy == null ? defaultExpiryDays : policy.expiryDays;
    }

    public int defaultExpiryDays() {
        return defaultExpiryDays;
    }

    /**
     * When the link stops working. Its project comes from the read model; a link to a ticket the portal has not
     * heard of yet is brand new and takes the default.
     */
    public Instant expiresAt(AccessLink link) {
        PortalTicket ticket = PortalTicket.findById(link.ticketId);
        return link.createdAt.plus(Duration.ofDays(expiryDays(ticket == null ? null : ticket.projectKey)));
    }

    /** Whether the project asks a browser for a code from the client's mail before it writes through a link. */
    public boolean writeCodeRequired(String projectKey) {
        if (projectKey == null) {
            return false;
        }
        LinkPolicy policy = LinkPolicy.findById(projectKey.toUpperCase(Locale.ROOT));
        return policy != null && policy.writeCodeRequired;
    }

    /** @param writeCodeRequired null keeps what the project has (off for a project without a policy) */
    @Transactional
    public void set(String projectKey, int days, Boolean writeCodeRequired) {
        String key = projectKey.toUpperCase(Locale.ROOT);
        LinkPolicy policy = LinkPolicy.findById(key);
        if (policy == null) {
            policy = new LinkPolicy();
            policy.projectKey = key;
            policy.expiryDays = days;
            policy.writeCodeRequired = Boolean.TRUE.equals(writeCodeRequired);
            policy.persist();
        } else {
            policy.expiryDays = days;
            if (writeCodeRequired != null) {
                policy.writeCodeRequired = writeCodeRequired;
            }
        }
    }
}
