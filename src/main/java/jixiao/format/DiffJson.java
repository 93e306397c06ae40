package jixiao.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jixiao.compare.Change;
import jixiao.compare.Comparison;
import jixiao.compare.IndicatorChange;
import jixiao.compare.IndicatorSnapshot;
import jixiao.compare.NarrativeChange;
import jixiao.compare.NumberChange;
import jixiao.compare.ParagraphChange;
import jixiao.compare.ProjectChange;
import jixiao.compare.ProjectSnapshot;
import jixiao.compare.TextChange;
import jixiao.compare.UnitChange;
import jixiao.compare.YearComparison;

import java.math.BigDecimal;
import java.util.List;

/**
 * A comparison for tools. Key names are stable English words (the {@link jixiao.compare.Field}
 * and {@link jixiao.compare.ChangeKind} keys); numbers are JSON numbers written exactly as the
 * decimals they are, never in exponent form; a missing side is null. Only units and projects
 * that changed are listed, with a count of the unchanged ones. Described by {@code schema/diff.schema.json}
 * and docs/data-formats.md. The sides are machine values ({@value #WORKTREE} or the git revision as
 * given), with their Chinese labels apart.
 */
public final class DiffJson {

    /**
     * Bump when a key is renamed, removed or re-typed; adding keys keeps the version. 2: the sides
     * became machine values with {@code from_label}/{@code to_label} beside them, rates
     * {@code …_percent}, an indicator's score {@code stated_score_text}.
     */
    static final int VERSION = 2;

    /** The side that is the content folder as it is on disk, not a git revision. */
    public static final String WORKTREE = "worktree";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private DiffJson() {
    }

    /**
     * @param fromRevision the git revision of the older side as given, null for the working tree
     * @param toRevision   the same for the newer side
     * @param fromLabel    how the older side reads in Chinese (工作区 · 2020 年度)
     * @param toLabel      the same for the newer side
     */
    public static String render(Comparison c, String fromRevision, String toRevision, String fromLabel, String toLabel) {
        ObjectNode root = NODES.objectNode();
        root.put("format", "jixiao-diff");
        root.put("version", VERSION);
        root.put("from", fromRevision == null ? WORKTREE : fromRevision);
        root.put("to", toRevision == null ? WORKTREE : toRevision);
        root.put("from_label", fromLabel);
        root.put("to_label", toLabel);
        root.put("edition", c.edition().key());
        root.put("money_unit", c.moneyUnit());
        root.put("has_changes", c.hasChanges());
        ArrayNode years = root.putArray("years");
        for (YearComparison y : c.years()) years.add(year(y));
        // LF everywhere, two spaces, "key": value, so the output is the same on every system.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode year(YearComparison y) {
        ObjectNode n = NODES.objectNode();
        n.put("from_year", y.fromYear());
        n.put("to_year", y.toYear());
        n.put("has_changes", y.hasChanges());
        n.set("totals", changes(y.totals()));
        n.set("narrative", narrative(y.narrative()));
        ArrayNode units = n.putArray("units");
        for (UnitChange u : y.changedUnits()) {
            ObjectNode un = units.addObject();
            un.put("id", u.id());
            un.put("change", u.kind().key());
            un.put("from_name", u.fromName());
            un.put("to_name", u.toName());
            un.set("changes", changes(u.changes()));
            un.set("narrative", narrative(u.narrative()));
        }
        ArrayNode projects = n.putArray("projects");
        List<ProjectChange> changed = y.changedProjects();
        for (ProjectChange p : changed) projects.add(project(p));
        n.put("unchanged_projects", y.projects().size() - changed.size());
        return n;
    }

    private static ObjectNode project(ProjectChange p) {
        ObjectNode n = NODES.objectNode();
        n.put("id", p.id());
        n.put("change", p.kind().key());
        n.set("from", snapshot(p.from()));
        n.set("to", snapshot(p.to()));
        n.set("changes", changes(p.changes()));
        ArrayNode indicators = n.putArray("indicators");
        for (IndicatorChange i : p.indicators()) {
            ObjectNode in = indicators.addObject();
            in.put("change", i.kind().key());
            in.set("from", indicator(i.from()));
            in.set("to", indicator(i.to()));
            in.set("changes", changes(i.changes()));
        }
        n.set("narrative", narrative(p.narrative()));
        n.set("problems", narrative(p.problems()));
        return n;
    }

    private static ObjectNode snapshot(ProjectSnapshot s) {
        if (s == null) return null;
        ObjectNode n = NODES.objectNode();
        n.put("year", s.year());
        n.put("unit", s.unitId());
        n.put("unit_name", s.unitName());
        n.put("name", s.name());
        n.put("money_unit", s.moneyUnit());
        n.put("status", s.status().name().toLowerCase());
        number(n, "planned", s.planned());
        number(n, "received", s.received());
        number(n, "executed", s.executed());
        number(n, "execution_rate_percent", s.executionRatePercent());
        number(n, "stated_total", s.statedTotal());
        number(n, "computed_total", s.computedTotal());
        n.put("stated_grade", s.statedGrade());
        n.put("computed_grade", s.computedGrade());
        return n;
    }

    private static ObjectNode indicator(IndicatorSnapshot i) {
        if (i == null) return null;
        ObjectNode n = NODES.objectNode();
        n.put("level1", i.level1());
        n.put("level2", i.level2());
        n.put("name", i.name());
        n.put("position", i.position());
        n.put("target", i.target());
        n.put("actual", i.actual());
        number(n, "weight", i.weight());
        n.put("stated_score_text", i.score());
        return n;
    }

    private static ArrayNode changes(List<Change> changes) {
        ArrayNode a = NODES.arrayNode();
        for (Change c : changes) {
            ObjectNode n = a.addObject();
            n.put("field", c.field().key());
            if (c instanceof NumberChange num) {
                number(n, "from_value", num.from());
                number(n, "to_value", num.to());
                number(n, "delta", num.delta());
                number(n, "relative_percent", num.relativePercent());
            } else {
                // Named apart from a number change's from_value/to_value (and from the document's from/to, which
                // are revisions), so that no name is a number in one place and text in another (docs/data-formats.md).
                TextChange t = (TextChange) c;
                n.put("from_text", t.from());
                n.put("to_text", t.to());
            }
        }
        return a;
    }

    private static ObjectNode narrative(NarrativeChange nc) {
        ObjectNode n = NODES.objectNode();
        n.put("added", nc.added());
        n.put("removed", nc.removed());
        n.put("changed", nc.changed());
        ArrayNode paragraphs = n.putArray("paragraphs");
        for (ParagraphChange p : nc.paragraphs()) {
            ObjectNode pn = paragraphs.addObject();
            pn.put("change", p.kind().key());
            if (p.fromIndex() >= 0) pn.put("from_index", p.fromIndex()); else pn.putNull("from_index");
            if (p.toIndex() >= 0) pn.put("to_index", p.toIndex()); else pn.putNull("to_index");
            pn.put("from", p.from());
            pn.put("to", p.to());
        }
        return n;
    }

    private static void number(ObjectNode n, String key, BigDecimal value) {
        if (value == null) n.putNull(key);
        else n.put(key, value);
    }
}
