package dev.relaydesk.portal.follow;

import dev.relaydesk.portal.profile.PortalProfile;
import dev.relaydesk.portal.ticket.PortalProject;
import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Registered clients follow the projects whose portal profile allows it, and then read those projects' tickets: the
 * list shows what a ticket's link page shows of it (number, title, Open/Closed, public conversation), never the
 * other client's name or address. Once a profile stops allowing it, its followers see nothing of it.
 */
@ApplicationScoped
@Transactional
public class ProjectFollowing {

    /** A project a client may follow, named as its ticket events name it (its key until then). */
    public record FollowableProject(String key, String name, boolean following) {
    }

    public record Follower(String email, Instant followedAt) {
    }

    /** The projects whose profile allows following, and whether this client follows each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowableProject> projectsFor(String email) {
        List<String> followable = PortalProfile.followableProjects();
        Map<String, String> names = PortalProject.namesOf(followable);
        List<String> followed = followedBy(email);
        return followable.stream()
                .map(key -> new FollowableProject(key, names.getOrDefault(key, key), followed.contains(key)))
                .toList();
    }

    /** The projects the client follows that still allow it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> followedBy(String email) {
        return PortalProfile.getEntityManager().createQuery("select f.projectKey from ProjectFollower f, PortalProfile p"
                        + " where p.projectKey = f.projectKey and p.followable = true and f.clientEmail = :email"
                        + " order by f.projectKey", String.class)
                .setParameter("email", normalized(email)).getResultList();
    }

    /** Whether the client reads this ticket as a follower of its project (never their own ticket: that is theirs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean readsAsFollower(PortalTicket ticket, String email) {
        return !ticket.clientEmail.strip().equalsIgnoreCase(email) && followedBy(email).contains(ticket.projectKey);
    }

    /** Follows the project; false when its profile does not allow following. Following twice is following once. */
    public boolean follow(String email, String projectKey) {
        String key = projectKey.strip().toUpperCase(Locale.ROOT);
        if (!PortalProfile.followableProjects().contains(key)) {
            return false;
        }
        PortalProfile.getEntityManager().createNativeQuery("insert into project_follower (id, project_key,"
                        + " client_email, followed_at) values (:id, :key, :email, :at) on conflict do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("key", key)
                .setParameter("email", normalized(email)).setParameter("at", Instant.now())
                .executeUpdate();
        return true;
    }

    public void unfollow(String email, String projectKey) {
        ProjectFollower.delete("projectKey = ?1 and clientEmail = ?2", projectKey.strip().toUpperCase(Locale.ROOT),
                normalized(email));
    }

    /** For admins: who follows the project, first follower first (also while its profile no longer allows it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Follower> followersOf(String projectKey) {
        return ProjectFollower.<ProjectFollower>list("projectKey = ?1 order by followedAt, clientEmail",
                        projectKey.strip().toUpperCase(Locale.ROOT)).stream()
                .map(follower -> new Follower(follower.clientEmail, follower.followedAt)).toList();
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
