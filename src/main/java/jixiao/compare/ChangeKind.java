package jixiao.compare;

/** What happened to a unit, project, indicator or paragraph between the two sides. */
public enum ChangeKind {
    ADDED("added", "新增"),
    REMOVED("removed", "删除"),
    /** A project found in another unit under the same id; it may carry other changes as well. */
    MOVED("moved", "移动"),
    /** An indicator matched under a new name (see {@link Comparer} for the heuristic); it may carry other changes as well. */
    RENAMED("renamed", "改名"),
    CHANGED("changed", "修改"),
    UNCHANGED("unchanged", "未变");

    private final String key;
    private final String label;

    ChangeKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable English word used in JSON. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
