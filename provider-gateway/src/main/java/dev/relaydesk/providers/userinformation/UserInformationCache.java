package dev.relaydesk.providers.userinformation;

import dev.relaydesk.contracts.UserInformation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recent answers per client email, so that an agent paging through one client's tickets asks the provider once.
 * Bounded (least recently used go first) and short-lived; an answer is only reused for the provider setting it
 * came from, so a changed URL or secret takes effect at once. Per replica: a miss only costs one more call.
 */
@ApplicationScoped
class UserInformationCache {

    private record Entry(String setting, Instant expires, UserInformation information) {
    }

    private final Map<String, Entry> entries;

    UserInformationCache(@ConfigProperty(name = "relaydesk.providers.user-information.cache-size", defaultValue = "10000")
            int maxEntries) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<UserInformation> get(String client, String setting, Instant now) {
        Entry entry = entries.get(client);
        if (entry == null || !entry.setting().equals(setting) || !now.isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.information());
    }

    synchronized void put(String client, String setting, Instant expires, UserInformation information) {
        entries.put(client, new Entry(setting, expires, information));
    }
}
