package dev.relaydesk.ticket.live;

import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.ticket.live.LiveMessages.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The open ticket pages and boards of this replica, and what each of them is told. Each event is checked
 * against each watcher: an agent only hears of tickets of the types they may manage, at the moment of
 * the event.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);
    private static final int REMEMBERED_EVENTS = 10_000;

    /** One open page: who looks at it and its connection. */
    public record Watcher(String agent, boolean admin, SseEventSink sink, Sse sse) {
    }

    private final Map<UUID, Set<Watcher>> ticketPages = new ConcurrentHashMap<>();
    private final Map<String, Set<Watcher>> boards = new ConcurrentHashMap<>();
    private final FreshEvents fresh = new FreshEvents(REMEMBERED_EVENTS);
    private final LiveMessages messages;

    LiveUpdates(LiveMessages messages) {
        this.messages = messages;
    }

    /**
     * @param pageVersion the version the page shows: if the ticket has changed since, the page is told at
     *                    once, as that change's event may have passed before the page connected
     */
    public void watchTicket(UUID ticketId, long currentVersion, long pageVersion, Watcher watcher) {
        add(ticketPages, ticketId, watcher);
        send(watcher, hello(watcher));
        if (pageVersion < currentVersion) {
            send(watcher, event(watcher, messages.changedSinceLoaded(currentVersion)));
        }
    }

    public void watchBoard(String projectKey, Watcher watcher) {
        add(boards, projectKey, watcher);
        send(watcher, hello(watcher));
    }

    void deliver(String eventId, TicketEvent event) {
        if (!fresh.isNews(eventId, event.ticketId(), event.version())) {
            return;
        }
        Set<Watcher> pages = ticketPages.getOrDefault(event.ticketId(), Set.of());
        String project = LiveMessages.projectOf(event);
        Set<Watcher> board = project == null ? Set.of() : boards.getOrDefault(project, Set.of());
        if (pages.isEmpty() && board.isEmpty()) {
            return;
        }
        TicketViewers viewers = QuarkusTransaction.requiringNew().call(() -> TicketViewers.of(event.ticketId()));
        messages.forTicketPage(event).ifPresent(message -> tell(pages, viewers, message));
        messages.forBoard(event).ifPresent(message -> tell(board, viewers, message));
    }

    /** Keeps idle connections open through proxies, and finds the ones whose page has gone. */
    @Scheduled(every = "${relaydesk.live.keep-alive:20s}")
    void keepAlive() {
        forEachWatcher(watcher -> send(watcher, watcher.sse().newEventBuilder().comment("keep-alive").build()));
    }

    int watching() {
        return ticketPages.values().stream().mapToInt(Set::size).sum() + boards.values().stream().mapToInt(Set::size).sum();
    }

    private void tell(Set<Watcher> watchers, TicketViewers viewers, Message message) {
        for (Watcher watcher : watchers) {
            if (viewers.allow(watcher)) {
                send(watcher, event(watcher, message));
            }
        }
    }

    private static OutboundSseEvent event(Watcher watcher, Message message) {
        return watcher.sse().newEventBuilder().name(message.name()).data(message.json()).build();
    }

    private static OutboundSseEvent hello(Watcher watcher) {
        // Sent at once so that the browser (and a proxy) sees the stream open before the first event.
        return watcher.sse().newEventBuilder().comment("watching").build();
    }

    private void send(Watcher watcher, OutboundSseEvent event) {
        if (watcher.sink().isClosed()) {
            forget(watcher);
            return;
        }
        watcher.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debugf("Live page of %s went away: %s", watcher.agent(), failure.getMessage());
                forget(watcher);
            }
        });
    }

    private void forget(Watcher watcher) {
        remove(ticketPages, watcher);
        remove(boards, watcher);
    }

    private void forEachWatcher(Consumer<Watcher> action) {
        ticketPages.values().forEach(set -> set.forEach(action));
        boards.values().forEach(set -> set.forEach(action));
    }

    // Adding and removing happen inside compute, atomically per key, so an emptied set is never dropped
    // while a new watcher is being added to it.
    private static <K> void add(Map<K, Set<Watcher>> index, K key, Watcher watcher) {
        index.compute(key, (k, watchers) -> {
            Set<Watcher> set = watchers != null ? watchers : ConcurrentHashMap.newKeySet();
            set.add(watcher);
            return set;
        });
    }

    private static <K> void remove(Map<K, Set<Watcher>> index, Watcher watcher) {
        for (K key : index.keySet()) {
            index.computeIfPresent(key, (k, watchers) -> {
                watchers.remove(watcher);
                return watchers.isEmpty() ? null : watchers;
            });
        }
    }
}
