package jixiao.compare;

import java.util.List;
import java.util.Optional;

/**
 * A project at the two sides, matched by id. A project in another unit at the new side is
 * {@link ChangeKind#MOVED}, whatever else changed.
 *
 * @param kind       added, removed, moved, changed or unchanged
 * @param from       null when added
 * @param to         null when removed
 * @param changes    fields that differ, in {@link Field} order (name, amounts, rate, totals, grades, private
 *                   fields in the internal edition); empty when added or removed
 * @param indicators indicators added, removed, renamed or changed, new order first, then removed ones
 * @param narrative  the project's .md
 * @param problems   the form's 存在问题及整改措施 (Markdown)
 */
public record ProjectChange(
        String id,
        ChangeKind kind,
        ProjectSnapshot from,
        ProjectSnapshot to,
        List<Change> changes,
        List<IndicatorChange> indicators,
        NarrativeChange narrative,
        NarrativeChange problems) {

    public ProjectChange {
        changes = List.copyOf(changes);
        indicators = List.copyOf(indicators);
    }

    public boolean hasChanges() {
        return kind != ChangeKind.UNCHANGED;
    }

    /** The side to show: the new one, else the old one. */
    public ProjectSnapshot current() {
        return to != null ? to : from;
    }

    /** The unit the project is listed under: the new side's, else the old side's. */
    public String unitId() {
        return current().unitId();
    }

    public boolean isMoved() {
        return kind == ChangeKind.MOVED;
    }

    public boolean isRenamed() {
        return change(Field.NAME).isPresent();
    }

    public Optional<Change> change(Field field) {
        return changes.stream().filter(c -> c.field() == field).findFirst();
    }
}
