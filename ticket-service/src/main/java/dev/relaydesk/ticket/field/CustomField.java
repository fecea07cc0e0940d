package dev.relaydesk.ticket.field;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A typed extra field of a project's tickets (a contract number, a due date, a product to pick). */
@Entity
@Table(name = "custom_field")
public class CustomField extends PanacheEntityBase {

    public enum FieldType {
        TEXT,
        NUMBER,
        DATE,
        SELECT
    }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_type", nullable = false)
    public FieldType type;

    @Column(nullable = false)
    public boolean required;

    /** The choices of a SELECT field. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> options = new ArrayList<>();

    @Column(nullable = false)
    public int position;

    public static List<CustomField> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position, key", projectId);
    }
}
