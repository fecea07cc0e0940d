package dev.relaydesk.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * The outbox's lag as operators watch it: events committed but not yet on Kafka, and how long the oldest has
 * waited. Read from the table at scrape time, so every replica reports the same truth.
 */
@Singleton
public class OutboxBacklog implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final AgroalDataSource dataSource;

    OutboxBacklog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("relaydesk.outbox.pending", this, backlog -> backlog.query("select count(*) from outbox_event"))
                .description("Events committed but not yet published to Kafka")
                .register(registry);
        Gauge.builder("relaydesk.outbox.oldest.age", this, backlog -> backlog.query(
                        "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event"))
                .description("How long the oldest unpublished event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog unreadable: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
