package jixiao.importer;

import jixiao.content.AmountSet;
import jixiao.content.Contact;
import jixiao.content.ExecutionRow;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Stated;
import jixiao.score.RulesProfile;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one 部门预算项目绩效自评表 out of a {@link Grid}, finding every figure by the captions printed on the
 * form rather than by position, since real documents differ in their columns: a caption column on the left or
 * none, 三级指标 over two columns (name and explanation) or one, weights written inside the 一级 cell
 * ({@code 产出指标（50）}), blank rows, full-width digits and brackets, a name split over two cells, 填报部门 in a
 * paragraph above the table or in a cell, or nowhere.
 *
 * <p>Captions are recognised on a normalised copy of the text (NFKC, which folds full-width characters, and no
 * white space); values are kept exactly as written. A non-blank cell that is neither a caption nor placed becomes
 * a note naming its row and cell, so nothing on the form is silently lost.
 */
final class FormReader {

    /** Texts whose cell holds a value for the caption, in the cell itself after the caption or in the cells after it. */
    private static final List<String> KEYS = List.of("填报部门", "金额单位", "项目名称", "实施预算单位", "实施单位",
            "填报人", "联系电话", "总分", "评价等级");
    /** Captions after which the value may follow without a colon (联系电话5776425). */
    private static final Set<String> LOOSE_KEYS = Set.of("填报人", "联系电话", "填报部门", "金额单位");
    private static final Pattern SECTION = Pattern.compile("^([一二三四五])[、.．,，]");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年度?");
    private static final Pattern LEVEL_WEIGHT = Pattern.compile("[(]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*分?[)]$");
    private static final Pattern AMOUNT = Pattern.compile("^[+]?[0-9][0-9,]*(\\.[0-9]+)?(万元|元|亿元)?$");

    private final Grid grid;
    private final RulesProfile profile;
    /** The cells placed so far; by identity, since two cells of different rows may be equal. */
    private final Set<Grid.Cell> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private FormReader(Grid grid, RulesProfile profile) {
        this.grid = grid;
        this.profile = profile;
    }

    /** Whether the grid is a 自评表 at all (other tables of a report are skipped). */
    static boolean isForm(Grid grid) {
        boolean title = grid.before().stream().anyMatch(p -> norm(p).contains("自评表"));
        boolean name = false;
        boolean indicators = false;
        for (List<Grid.Cell> row : grid.rows()) {
            for (Grid.Cell c : row) {
                String n = norm(c.text());
                if (n.contains("自评表")) title = true;
                if (n.startsWith("项目名称")) name = true;
                if (n.contains("一级指标") || n.contains("绩效指标")) indicators = true;
            }
        }
        return name && (title || indicators);
    }

    /**
     * The form, or empty when it could not be read at all (no 项目名称); {@code problem} then says why.
     */
    static Optional<ImportedForm> read(Grid grid, RulesProfile profile, List<String> problems) {
        return new FormReader(grid, profile).read(problems);
    }

    private Optional<ImportedForm> read(List<String> problems) {
        boolean draft = false;
        Integer year = null;
        // Only the paragraphs from the form's title on belong to it; the prose before may mention anything.
        List<String> before = grid.before();
        int title = -1;
        for (int i = 0; i < before.size(); i++) if (norm(before.get(i)).contains("自评表")) title = i;
        for (String p : before.subList(title >= 0 ? title : Math.max(0, before.size() - 2), before.size())) {
            String n = norm(p);
            if (n.contains("草稿")) draft = true;
            Matcher y = YEAR.matcher(n);
            if (y.find() && year == null && n.contains("年度")) year = Integer.parseInt(y.group(1));
            keysInText(p);
        }

        int section = 0;
        List<Column> budgetColumns = null;
        List<Column> goalColumns = null;
        List<Column> indicatorColumns = null;
        // [合计, 财政资金, 其他][预算数, 到位数, 执行数] as written, and the row each was read from.
        String[][] budget = new String[3][3];
        int[][] budgetRows = new int[3][3];
        List<Goal> goals = new ArrayList<>();
        String completion = null;
        String executionRate = null;
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Integer> perLevel = new LinkedHashMap<>();
        ExecutionRow executionRow = null;
        String executionScore = null;
        List<String> problemLines = new ArrayList<>();
        String level1 = null;
        String level2 = null;

        for (int r = 0; r < grid.rows().size(); r++) {
            List<Grid.Cell> row = grid.rows().get(r);
            // Section captions (二、预算执行情况 …), possibly in a caption column beside the row's own cells.
            for (Grid.Cell c : row) {
                Matcher m = SECTION.matcher(norm(c.text()));
                if (!c.blank() && m.find()) {
                    section = "一二三四五".indexOf(m.group(1)) + 1;
                    used.add(c);
                }
            }
            boolean hadKeys = keysInRow(row);
            for (Grid.Cell c : row) {
                String n = norm(c.text());
                if (c.blank() || used.contains(c)) continue;
                if (n.contains("自评表")) {
                    used.add(c);
                    if (n.contains("草稿")) draft = true;
                } else if (n.matches("^[(]?\\d{4}年度[)]?$")) {
                    used.add(c);
                    Matcher y = YEAR.matcher(n);
                    if (y.find()) year = Integer.parseInt(y.group(1));
                }
            }
            List<Grid.Cell> free = row.stream().filter(c -> !c.covered() && !used.contains(c)).toList();
            if (free.stream().allMatch(Grid.Cell::blank)) continue;

            switch (section) {
                case 2 -> {
                    List<Column> header = header(free, BUDGET_HEADERS);
                    if (header.size() >= 2 && free.stream().noneMatch(c -> isAmount(c.text()))) {
                        budgetColumns = header;
                        free.forEach(used::add);
                        continue;
                    }
                    int kind = 0;
                    for (Grid.Cell c : free) {
                        String n = norm(c.text()).replace(":", "");
                        if (n.contains("财政")) kind = 1;
                        else if (n.startsWith("其他")) kind = 2;
                    }
                    List<Grid.Cell> data = new ArrayList<>();
                    for (Grid.Cell c : free) {
                        if (isBudgetCaption(c.text())) used.add(c);
                        else data.add(c);
                    }
                    String[] cells = assign(data, budgetColumns, 4);
                    for (int column = 0; column < 3; column++) {
                        if (cells[column] != null && budget[kind][column] == null) {
                            budget[kind][column] = cells[column];
                            budgetRows[kind][column] = r;
                        }
                    }
                    if (!isBlank(cells[3]) && executionRate == null) executionRate = cells[3].strip();
                }
                case 3 -> {
                    List<Column> header = header(free, GOAL_HEADERS);
                    if (header.size() >= 2) {
                        goalColumns = header;
                        free.forEach(used::add);
                        continue;
                    }
                    String[] cells = assign(free, goalColumns, 3);
                    free.forEach(used::add);
                    if (!isBlank(cells[2]) && completion == null) completion = cells[2].strip();
                    if (!isBlank(cells[0]) || !isBlank(cells[1])) goals.add(new Goal(orNull(cells[0]), orNull(cells[1])));
                }
                case 4 -> {
                    if (hadKeys && free.stream().allMatch(Grid.Cell::blank)) continue;
                    List<Column> header = header(free, INDICATOR_HEADERS);
                    if (header.stream().anyMatch(c -> c.field() == 0)) {
                        indicatorColumns = header;
                        free.forEach(used::add);
                        continue;
                    }
                    if (indicatorColumns == null) break;
                    Map<Integer, List<Grid.Cell>> byField = new LinkedHashMap<>();
                    for (Grid.Cell c : row) {
                        Column column = columnOf(c, indicatorColumns);
                        if (column != null && !used.contains(c)) byField.computeIfAbsent(column.field(), k -> new ArrayList<>()).add(c);
                    }
                    Grid.Cell l1 = first(byField.get(0));
                    Grid.Cell l2 = first(byField.get(1));
                    if (l1 != null && !l1.blank()) level1 = l1.text().strip();
                    if (l2 != null && !l2.blank()) level2 = l2.text().strip();
                    else if (l1 != null && !l1.blank() && l2 != null && !l2.covered()) level2 = null;
                    List<Grid.Cell> names = byField.getOrDefault(2, List.of());
                    String name = text(names.size() > 0 ? names.get(0) : null);
                    String definition = names.size() > 1 ? text(names.get(1)) : text(first(byField.get(3)));
                    String target = text(first(byField.get(4)));
                    String actual = text(first(byField.get(5)));
                    String weight = text(first(byField.get(6)));
                    String score = text(first(byField.get(7)));
                    String deviation = text(first(byField.get(8)));
                    byField.values().forEach(cs -> cs.forEach(used::add));
                    boolean execution = level1 != null && norm(level1).startsWith("预算执行率")
                            || level2 != null && norm(level2).startsWith("预算执行率");
                    if (execution) {
                        if (name != null || target != null || actual != null) executionRow = new ExecutionRow(name, target, actual);
                        executionScore = score;
                        continue;
                    }
                    if (name == null && target == null && actual == null && score == null && weight == null) continue;
                    if (name == null) {
                        note(r, row, null, "这一行有指标值却没有三级指标名称，未导入：请补上名称后手工添加");
                        continue;
                    }
                    String[] keys = levels(level1, level2, r, row);
                    BigDecimal w = null;
                    if (weight != null) {
                        w = amount(weight);
                        if (w == null) note(r, row, first(byField.get(6)), "分值不是数字，未导入");
                    }
                    String path = "indicators." + keys[0] + "." + keys[1] + "[" + (perLevel.merge(keys[0] + "." + keys[1], 1, Integer::sum) - 1) + "]";
                    indicators.add(new Indicator(keys[0], keys[1], name, definition, target, actual, w, score, null, deviation, path));
                }
                case 5 -> {
                    for (Grid.Cell c : free) {
                        if (c.blank()) continue;
                        used.add(c);
                        String n = norm(c.text());
                        if (n.startsWith("(主要填写") || n.startsWith("主要填写")) continue;
                        problemLines.add(c.text().strip());
                    }
                }
                default -> {
                }
            }
        }

        String name = values.get("项目名称");
        if (name == null || name.isBlank()) {
            problems.add(grid.where() + "：看起来是一张自评表，但找不到“项目名称”后面的项目名称，无法导入："
                    + "请在文档里补上项目名称，或把这张表从文档中删去后再导入。");
            return Optional.empty();
        }
        for (int r = 0; r < grid.rows().size(); r++) {
            List<Grid.Cell> row = grid.rows().get(r);
            for (Grid.Cell c : row) {
                if (!c.blank() && !used.contains(c)) note(r, row, c, "未能对应到表上的栏目，未导入");
            }
        }
        String unitText = values.get("金额单位");
        String moneyUnit = unitText == null ? null : Set.of("元", "万元", "亿元").contains(unitText.strip()) ? unitText.strip() : null;
        if (unitText != null && moneyUnit == null) notes.add("金额单位写的是“" + unitText + "”，不是 元、万元 或 亿元，未导入：按站点的默认单位计");
        String implementing = values.containsKey("实施预算单位") ? values.get("实施预算单位") : values.get("实施单位");
        Contact contact = values.get("填报人") != null || values.get("联系电话") != null
                ? new Contact(values.get("填报人"), values.get("联系电话")) : null;
        Stated stated = new Stated(executionRate, completion, executionScore, executionRow, values.get("总分"), values.get("评价等级"));
        return Optional.of(new ImportedForm(grid.where(), name.strip(), orNull(implementing), orNull(values.get("填报部门")), moneyUnit,
                draft, year, amounts(budget, budgetRows, 0), amounts(budget, budgetRows, 1), amounts(budget, budgetRows, 2), goals, indicators, stated,
                problemLines.isEmpty() ? null : String.join("\n", problemLines), contact, notes));
    }

    // ------------------------------------------------------------------ captions with values

    /** Finds {@code 填报部门：…} and the like in a paragraph, several to a line. */
    private void keysInText(String text) {
        String n = text.strip();
        List<int[]> found = new ArrayList<>();
        for (String key : KEYS) {
            int at = n.indexOf(key);
            if (at >= 0) found.add(new int[]{at, key.length(), KEYS.indexOf(key)});
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int i = 0; i < found.size(); i++) {
            int[] f = found.get(i);
            int end = i + 1 < found.size() ? found.get(i + 1)[0] : n.length();
            String value = stripColon(n.substring(f[0] + f[1], end));
            if (!value.isBlank()) values.putIfAbsent(KEYS.get(f[2]), value.strip());
        }
    }

    /**
     * Captions with values in a row: the value is in the caption's cell after it ({@code 填报人：张明静}) or in the cells
     * after it up to the next caption, joined (a name split over two cells). Returns whether the row had any.
     */
    private boolean keysInRow(List<Grid.Cell> row) {
        boolean any = false;
        for (int i = 0; i < row.size(); i++) {
            Grid.Cell c = row.get(i);
            if (c.blank()) continue;
            String key = keyOf(c.text());
            if (key == null) continue;
            any = true;
            used.add(c);
            String own = c.text().strip().substring(Math.min(c.text().strip().length(), captionLength(c.text().strip(), key)));
            own = stripColon(own);
            if (own.contains("金额单位") || own.contains("填报部门")) {
                keysInText(c.text());
                continue;
            }
            StringBuilder value = new StringBuilder(own.strip());
            if (value.isEmpty()) {
                for (int j = i + 1; j < row.size(); j++) {
                    Grid.Cell next = row.get(j);
                    if (next.covered()) continue;
                    if (!next.blank() && (keyOf(next.text()) != null || SECTION.matcher(norm(next.text())).find())) break;
                    if (!next.blank()) value.append(next.text().strip());
                    used.add(next);
                }
            }
            if (!value.isEmpty()) values.putIfAbsent(key, value.toString());
            else values.putIfAbsent(key, null);
        }
        return any;
    }

    private static String keyOf(String text) {
        String n = norm(text);
        for (String key : KEYS) {
            if (!n.startsWith(key)) continue;
            String rest = n.substring(key.length());
            if (rest.isEmpty() || rest.startsWith(":") || LOOSE_KEYS.contains(key)) return key;
        }
        return null;
    }

    /** Where the caption ends in the text as written (which may hold spaces or full-width characters). */
    private static int captionLength(String text, String key) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u3000') continue;
            seen++;
            if (seen == key.length()) return i + 1;
        }
        return text.length();
    }

    private static String stripColon(String s) {
        String t = s.strip();
        while (t.startsWith(":") || t.startsWith("：")) t = t.substring(1).strip();
        return t;
    }

    // ------------------------------------------------------------------ columns by header

    /** A column of a section, named by its header cell: the grid columns under it and the field it holds. */
    private record Column(int from, int to, int field) {
    }

    private static final List<List<String>> BUDGET_HEADERS = List.of(
            List.of("预算安排", "预算数", "年初预算", "全年预算"), List.of("到位"), List.of("执行情况", "执行数", "资金执行", "实际支出"),
            List.of("执行进度", "执行率"));
    private static final List<List<String>> GOAL_HEADERS = List.of(
            List.of("预期目标", "年度目标", "绩效目标"), List.of("完成情况", "实际完成"), List.of("完成率"));
    /** 一级, 二级, 三级 (name), 指标解释, 预期, 实际, 分值, 得分, 偏差; matched in the order of {@link #INDICATOR_ORDER}. */
    private static final List<List<String>> INDICATOR_HEADERS = List.of(
            List.of("一级指标"), List.of("二级指标"), List.of("三级指标"), List.of("指标解释", "指标定义", "指标内容", "指标说明"),
            List.of("预期指标值", "年度指标值", "预期值", "目标值", "指标值"), List.of("实际完成值", "实际值", "完成值", "实际完成"),
            List.of("分值", "权重"), List.of("得分"), List.of("偏差", "原因分析", "改进措施"));
    private static final int[] INDICATOR_ORDER = {8, 6, 7, 5, 4, 0, 1, 2, 3};

    private static List<Column> header(List<Grid.Cell> cells, List<List<String>> headers) {
        List<Column> columns = new ArrayList<>();
        Set<Integer> fields = new HashSet<>();
        int[] order = headers == INDICATOR_HEADERS ? INDICATOR_ORDER : null;
        for (Grid.Cell c : cells) {
            if (c.blank()) continue;
            String n = norm(c.text());
            if (isAmount(c.text())) return List.of();
            int field = -1;
            for (int k = 0; k < headers.size() && field < 0; k++) {
                int f = order == null ? k : order[k];
                for (String word : headers.get(f)) {
                    if (n.contains(word)) {
                        field = f;
                        break;
                    }
                }
            }
            if (field >= 0 && fields.add(field)) columns.add(new Column(c.column(), c.column() + c.span(), field));
        }
        return columns;
    }

    private static Column columnOf(Grid.Cell c, List<Column> columns) {
        for (Column col : columns) if (c.column() >= col.from() && c.column() < col.to()) return col;
        return null;
    }

    /**
     * The values of a data row by field: under their header when the section has one, else in order.
     * Several cells under one header are joined (a caption and its value, or a value split in two).
     */
    private String[] assign(List<Grid.Cell> cells, List<Column> columns, int fields) {
        String[] out = new String[fields];
        List<Grid.Cell> unplaced = new ArrayList<>();
        if (columns != null) {
            for (Grid.Cell c : cells) {
                if (c.covered()) continue;
                Column column = columnOf(c, columns);
                if (column == null || column.field() >= fields) {
                    unplaced.add(c);
                    continue;
                }
                used.add(c);
                if (!c.blank()) out[column.field()] = out[column.field()] == null ? c.text().strip() : out[column.field()] + c.text().strip();
            }
        } else {
            unplaced.addAll(cells.stream().filter(c -> !c.covered()).toList());
        }
        // Without a header (or for cells outside every header), the values in order fill the fields still empty.
        int next = 0;
        for (Grid.Cell c : unplaced) {
            while (next < fields && out[next] != null) next++;
            if (next >= fields) break;
            used.add(c);
            out[next++] = c.blank() ? "" : c.text().strip();
        }
        return out;
    }

    private static boolean isBudgetCaption(String text) {
        String n = norm(text).replace(":", "");
        return n.isEmpty() ? false : Set.of("预算数", "到位数", "执行数", "合计", "其中财政资金", "财政资金", "其中", "其他", "其他资金",
                "其中其他资金", "预算数(调整后)", "小计").contains(n);
    }

    // ------------------------------------------------------------------ levels

    /** The 一级 and 二级 keys of an indicator's row; a guess, when the form's words are not the profile's, is noted. */
    private String[] levels(String level1Text, String level2Text, int r, List<Grid.Cell> row) {
        String l1 = level1Text == null ? null : level1Key(level1Text, r, row);
        String l2 = level2Text == null ? null : level2Key(level2Text);
        if (l1 == null && l2 != null) {
            l1 = profile.ownerOf(l2).map(RulesProfile.Level1::key).orElse(null);
            if (l1 != null && level1Text != null) {
                note(r, row, null, "一级指标“" + level1Text + "”不是规则中的一级指标，按二级指标“" + level2Text + "”放在“"
                        + profile.level1(l1).map(RulesProfile.Level1::label).orElse(l1) + "”下：请核对");
            }
        }
        if (l1 == null) {
            l1 = profile.level1().get(0).key();
            note(r, row, null, "一级指标“" + (level1Text == null ? "" : level1Text) + "”不是规则中的一级指标，暂放在“"
                    + profile.level1().get(0).label() + "”下：请核对");
        }
        if (l2 == null) {
            String owner = l1;
            l2 = profile.level1(owner).map(l -> l.level2().get(0)).orElse(profile.level1().get(0).level2().get(0));
            note(r, row, null, "二级指标“" + (level2Text == null ? "" : level2Text) + "”不是规则中的二级指标，暂放在“"
                    + profile.level2Label(l2) + "”下：请核对");
        }
        return new String[]{l1, l2};
    }

    private String level1Key(String text, int r, List<Grid.Cell> row) {
        String n = norm(text);
        Matcher weight = LEVEL_WEIGHT.matcher(n);
        String written = null;
        if (weight.find()) {
            written = weight.group(1);
            n = n.substring(0, weight.start());
        }
        for (RulesProfile.Level1 l : profile.level1()) {
            String core = l.label().replace("指标", "");
            if (n.equals(norm(l.label())) || n.contains(core)) {
                if (written != null && new BigDecimal(written).compareTo(l.weight()) != 0) {
                    note(r, row, null, "一级指标“" + text.strip() + "”写的分值是 " + written + "，规则中为 " + l.weight().toPlainString()
                            + "：按规则计分，请核对");
                }
                return l.key();
            }
        }
        return null;
    }

    private String level2Key(String text) {
        String n = norm(text);
        for (Map.Entry<String, String> e : profile.level2Labels().entrySet()) {
            if (n.equals(norm(e.getValue()))) return e.getKey();
        }
        for (Map.Entry<String, String> e : profile.level2Labels().entrySet()) {
            String core = norm(e.getValue()).replace("指标", "").replace("服务对象", "");
            String mine = n.replace("指标", "").replace("服务对象", "");
            if (!mine.isEmpty() && (mine.contains(core) || core.contains(mine))) return e.getKey();
        }
        return null;
    }

    // ------------------------------------------------------------------ amounts

    /**
     * 预算数, 到位数 and 执行数 (columns) of the rows 合计, 财政资金 and 其他 as written; an amount written as text is
     * noted and left out.
     */
    private AmountSet amounts(String[][] written, int[][] at, int column) {
        BigDecimal[] parts = new BigDecimal[3];
        for (int kind = 0; kind < 3; kind++) {
            String text = written[kind][column];
            if (text == null || text.isBlank()) continue;
            parts[kind] = amount(text);
            if (parts[kind] == null) {
                note(at[kind][column], grid.rows().get(at[kind][column]), null,
                        "金额“" + oneLine(text) + "”不是数字，未导入：请核对后在 YAML 中填写");
            }
        }
        return new AmountSet(parts[0], parts[1], parts[2]);
    }

    static BigDecimal amount(String text) {
        String n = norm(text);
        if (!AMOUNT.matcher(n).matches()) return null;
        n = n.replace(",", "").replace("万元", "").replace("亿元", "").replace("元", "").replace("+", "");
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isAmount(String text) {
        return amount(text) != null;
    }

    // ------------------------------------------------------------------ helpers

    void note(int r, List<Grid.Cell> row, Grid.Cell cell, String what) {
        String at = grid.where() + " 第 " + (r + 1) + " 行" + (cell == null ? "" : "第 " + (row.indexOf(cell) + 1) + " 格");
        String text = cell == null ? "" : "“" + oneLine(cell.text()) + "”";
        notes.add(at + (text.isEmpty() ? "" : " " + text) + "：" + what);
    }

    private static String oneLine(String s) {
        String t = s.strip().replace("\n", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    static String norm(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static Grid.Cell first(List<Grid.Cell> cells) {
        return cells == null || cells.isEmpty() ? null : cells.get(0);
    }

    private static String text(Grid.Cell c) {
        return c == null || c.blank() ? null : c.text().strip();
    }

    private static boolean isBlank(String s) {
        return s == null || FormText.isBlank(s);
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
