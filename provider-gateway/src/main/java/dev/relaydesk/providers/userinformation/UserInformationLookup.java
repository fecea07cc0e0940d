package dev.relaydesk.providers.userinformation;

import dev.relaydesk.contracts.UserInformation;
import dev.relaydesk.contracts.UserInformation.Item;
import dev.relaydesk.contracts.UserInformation.Section;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.setting.ProviderKinds;
import dev.relaydesk.providers.setting.ProviderSetting;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import dev.relaydesk.providers.userinformation.UserInformationContract.Answer;
import dev.relaydesk.providers.userinformation.UserInformationContract.AnswerItem;
import dev.relaydesk.providers.userinformation.UserInformationContract.AnswerSection;
import dev.relaydesk.providers.userinformation.UserInformationContract.Request;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * What the external provider knows of a client, for the agent's ticket page: fetched within the provider's
 * timeout, checked against the contract, cached briefly per client email. No provider: nothing to show; a provider
 * that fails (down, slow, nonsense, circuit open): "unavailable", never an error.
 */
@ApplicationScoped
public class UserInformationLookup {

    static final int MAX_SECTIONS = 10;
    static final int MAX_ITEMS_PER_SECTION = 20;
    static final int MAX_ITEMS = 100;
    static final int MAX_TITLE = 100;
    static final int MAX_LABEL = 100;
    static final int MAX_VALUE = 500;
    static final int MAX_URL = 2000;
    private static final Logger LOG = Logger.getLogger(UserInformationLookup.class);

    private final UserInformationClient client;
    private final UserInformationCache cache;
    private final MeterRegistry metrics;

    UserInformationLookup(UserInformationClient client, UserInformationCache cache, MeterRegistry metrics) {
        this.client = client;
        this.cache = cache;
        this.metrics = metrics;
    }

    public UserInformation about(Request request) {
        Optional<ProviderSetting> setting = QuarkusTransaction.requiringNew()
                .call(() -> ProviderSetting.enabled(Kind.USER_INFORMATION));
        if (setting.isEmpty() || setting.get().mode == Mode.BUILT_IN) {
            return count(UserInformation.notConfigured(), "not-configured");
        }
        ProviderSetting provider = setting.get();
        String clientKey = request.clientEmail().strip().toLowerCase(Locale.ROOT);
        String settingKey = provider.id + "@" + provider.updatedAt;
        Instant now = Instant.now();
        Optional<UserInformation> cached = cache.get(clientKey, settingKey, now);
        if (cached.isPresent()) {
            return count(cached.get(), "cached");
        }
        try {
            Answer answer = client.ask(provider.url, provider.secret, Duration.ofMillis(provider.timeoutMs), request);
            UserInformation information = UserInformation.available(checked(answer));
            int ttl = provider.cacheTtlSeconds == null ? ProviderKinds.DEFAULT_CACHE_TTL_SECONDS : provider.cacheTtlSeconds;
            if (ttl > 0) {
                cache.put(clientKey, settingKey, now.plusSeconds(ttl), information);
            }
            return count(information, "fetched");
        } catch (ProviderCallException e) {
            return unavailable(provider, e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return unavailable(provider, "failing repeatedly, not asked for a while");
        }
    }

    private UserInformation unavailable(ProviderSetting provider, String reason) {
        LOG.warnf("User-information provider %s: %s", provider.url, reason);
        return count(UserInformation.unavailable(reason), "unavailable");
    }

    /** Checks the answer item by item; an answer that breaks the contract or its bounds counts as no answer. */
    static List<Section> checked(Answer answer) {
        if (answer == null || answer.sections() == null) {
            throw new ProviderCallException("answered without sections");
        }
        if (answer.sections().size() > MAX_SECTIONS) {
            throw new ProviderCallException("answered more than " + MAX_SECTIONS + " sections");
        }
        List<Section> sections = new ArrayList<>();
        int total = 0;
        for (AnswerSection section : answer.sections()) {
            if (section == null) {
                throw new ProviderCallException("answered an empty section");
            }
            String title = text(section.title(), MAX_TITLE, "a section title");
            List<AnswerItem> items = section.items() == null ? List.of() : section.items();
            if (items.size() > MAX_ITEMS_PER_SECTION) {
                throw new ProviderCallException("answered more than " + MAX_ITEMS_PER_SECTION + " items in a section");
            }
            total += items.size();
            if (total > MAX_ITEMS) {
                throw new ProviderCallException("answered more than " + MAX_ITEMS + " items");
            }
            List<Item> checkedItems = new ArrayList<>();
            for (AnswerItem item : items) {
                if (item == null) {
                    throw new ProviderCallException("answered an empty item");
                }
                checkedItems.add(new Item(text(item.label(), MAX_LABEL, "an item label"),
                        item.value() == null ? "" : bounded(item.value().strip(), MAX_VALUE, "an item value"),
                        link(item.url())));
            }
            sections.add(new Section(title, checkedItems));
        }
        return sections;
    }

    private static String text(String value, int max, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new ProviderCallException("answered " + what + " that is empty");
        }
        return bounded(stripped, max, what);
    }

    private static String bounded(String value, int max, String what) {
        if (value.length() > max) {
            throw new ProviderCallException("answered " + what + " longer than " + max + " characters");
        }
        return value;
    }

    /** Only absolute http(s) links: a javascript: or data: URL must never become a link on an agent's page. */
    private static String link(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = bounded(url.strip(), MAX_URL, "a link");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // falls through to the refusal
        }
        throw new ProviderCallException("answered a link that is not an http or https URL");
    }

    private UserInformation count(UserInformation information, String outcome) {
        metrics.counter("relaydesk.user-information.lookups", "outcome", outcome).increment();
        return information;
    }
}
