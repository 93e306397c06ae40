package jixiao.compare;

import java.util.List;
import java.util.Optional;

/**
 * A unit at the two sides, matched by id.
 *
 * @param fromName null when added
 * @param toName   null when removed
 * @param changes  name, and the unit's totals (planned, received, executed, rate, project count)
 *                 over the projects the edition shows, in {@link Field} order
 * @param narrative the unit's unit.md
 */
public record UnitChange(String id, ChangeKind kind, String fromName, String toName, List<Change> changes,
                         NarrativeChange narrative) {

    public UnitChange {
        changes = List.copyOf(changes);
    }

    public boolean hasChanges() {
        return kind != ChangeKind.UNCHANGED;
    }

    public String name() {
        return toName != null ? toName : fromName;
    }

    public Optional<Change> change(Field field) {
        return changes.stream().filter(c -> c.field() == field).findFirst();
    }
}
