package jixiao.compare;

/**
 * A compared field, with its stable English key (JSON), its Chinese label and who may see it.
 * Changes are listed in the order of this enum, so output is deterministic.
 */
public enum Field {
    // units and projects
    NAME("name", "名称"),
    IMPLEMENTING_UNIT("implementing_unit", "实施预算单位"),
    MONEY_UNIT("money_unit", "金额单位"),
    STATUS("status", "状态", Visibility.INTERNAL),
    PLANNED("planned", "预算数"),
    RECEIVED("received", "到位数"),
    EXECUTED("executed", "执行数"),
    EXECUTION_RATE("execution_rate_percent", "预算执行率"),
    STATED_TOTAL("stated_total", "自评总分"),
    COMPUTED_TOTAL("computed_total", "核算总分"),
    STATED_GRADE("stated_grade", "自评等级"),
    COMPUTED_GRADE("computed_grade", "核算等级"),
    PROJECTS("projects", "项目数"),
    CONTACT_NAME("contact_name", "填报人", Visibility.CONTACT),
    CONTACT_PHONE("contact_phone", "联系电话", Visibility.CONTACT),
    INTERNAL_NOTES("internal", "内部备注", Visibility.INTERNAL),
    // indicators
    LEVEL("level", "指标层级"),
    DEFINITION("definition", "指标解释"),
    TARGET("target", "预期指标值"),
    ACTUAL("actual", "实际完成值"),
    WEIGHT("weight", "分值"),
    SCORE("stated_score_text", "自评得分"),
    JUDGEMENT("judgement", "判断"),
    DEVIATION("deviation", "偏差原因");

    private final String key;
    private final String label;
    private final Visibility visibility;

    Field(String key, String label) {
        this(key, label, Visibility.PUBLIC);
    }

    Field(String key, String label, Visibility visibility) {
        this.key = key;
        this.label = label;
        this.visibility = visibility;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** Whether amounts of this field are money, converted to the comparison's money unit. */
    public boolean isMoney() {
        return this == PLANNED || this == RECEIVED || this == EXECUTED;
    }
}
