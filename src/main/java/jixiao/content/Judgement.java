package jixiao.content;

import java.util.Optional;

/** The editor's judgement of a qualitative indicator, which fixes the band its score must lie in. */
public enum Judgement {
    ACHIEVED("achieved", "达成年度指标"),
    PARTIAL("partial", "部分达成并具有一定效果"),
    MISSED("missed", "未达成且效果较差");

    private final String key;
    private final String label;

    Judgement(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Judgement> fromKey(String key) {
        for (Judgement j : values()) if (j.key.equals(key)) return Optional.of(j);
        return Optional.empty();
    }
}
