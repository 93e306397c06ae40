package jixiao.compare;

import java.util.List;

/**
 * A 三级指标 added, removed, renamed or changed within a project.
 *
 * @param kind    {@link ChangeKind#ADDED}, {@link ChangeKind#REMOVED}, {@link ChangeKind#RENAMED} or {@link ChangeKind#CHANGED}
 * @param from    null when added
 * @param to      null when removed
 * @param changes the fields that differ (level, target, actual, weight, …), in {@link Field} order;
 *                empty for added and removed indicators
 */
public record IndicatorChange(ChangeKind kind, IndicatorSnapshot from, IndicatorSnapshot to, List<Change> changes) {

    public IndicatorChange {
        changes = List.copyOf(changes);
    }

    /** The name to show: the new one when there is one. */
    public String name() {
        return to != null ? to.name() : from.name();
    }
}
