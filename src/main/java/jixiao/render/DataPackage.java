package jixiao.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jixiao.content.Publisher;
import jixiao.content.Site;
import jixiao.site.PagedYear;
import jixiao.site.Paths;
import jixiao.site.SiteModel;
import jixiao.site.YearModel;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * datapackage.json of a year: a Frictionless Data Package (v1, profile {@code data-package}) that
 * describes the year's summary.csv field by field (a Table Schema made from {@link SummaryCsv#columns},
 * the same list the CSV is written from; a {@code tabular-data-resource}) and points at data.json, with the licence and publisher of
 * site.yaml. It holds no contact, whatever the edition: the publisher's name is all it says of anyone.
 */
public final class DataPackage {

    /** An Open Definition licence id (the Data Package spec's pattern for a licence's {@code name}). */
    private static final Pattern LICENCE_ID = Pattern.compile("[-a-zA-Z0-9._]+");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private DataPackage() {
    }

    public static byte[] of(YearModel year, SiteModel site) {
        int y = year.number();
        String edition = site.edition().key();
        ObjectNode root = NODES.objectNode();
        // A tabular-data-package may hold only tables; data.json is not one, so the package is a plain data-package
        // whose table says it is a tabular-data-resource (and is held to that profile).
        root.put("profile", "data-package");
        root.put("name", "jixiao-" + y + "-" + edition);
        root.put("title", year.report().title() + "（" + site.edition().label() + "）");
        root.put("description", y + " 年度部门预算项目绩效自评数据：summary.csv 每个项目一行（预算数、执行数、自评与核算的执行率、总分和等级），"
                + "data.json 含各项目的全部指标。金额单位为" + site.site().moneyUnit() + "；比率为百分数；“自评”是自评表所填，“核算”是 jixiao 按评分规则 "
                + site.profile().name() + " 算出的。字段说明见 jixiao 的 docs/data-formats.md。");
        ArrayNode keywords = root.putArray("keywords");
        keywords.add("预算绩效").add("绩效自评").add(Integer.toString(y));
        licence(site.site().publisher()).ifPresent(l -> root.putArray("licenses").add(l));
        String publisher = publisherName(site.site());
        if (publisher != null) {
            ObjectNode contributor = root.putArray("contributors").addObject();
            contributor.put("title", publisher);
            contributor.put("role", "publisher");
        }

        ArrayNode resources = root.putArray("resources");
        resources.add(summary(year, site));
        ObjectNode data = resources.addObject();
        data.put("name", "data");
        // A split year's data is written compressed (SiteRenderer): the package points at the file that is there.
        boolean gzip = PagedYear.split(year);
        data.put("path", Paths.relative(Paths.datapackage(y), gzip ? Paths.jsonGzip(y) : Paths.json(y)));
        data.put("profile", "data-resource");
        data.put("title", "年度数据（JSON）");
        data.put("description", "各单位、各项目的自评与核算数据，含全部指标；结构见 jixiao 的 schema/data.schema.json（format 为 jixiao-data）。");
        data.put("format", "json");
        data.put("mediatype", "application/json");
        data.put("encoding", "utf-8");
        if (gzip) data.put("compression", "gz");
        return json(root);
    }

    private static ObjectNode summary(YearModel year, SiteModel site) {
        int y = year.number();
        ObjectNode r = NODES.objectNode();
        r.put("name", "summary");
        r.put("path", Paths.relative(Paths.datapackage(y), Paths.csv(y)));
        r.put("profile", "tabular-data-resource");
        r.put("title", "项目汇总表");
        r.put("description", "每个项目一行。第一行是字段名（英文），中文名称见各字段的 title。数字不带千分位和 %，缺少的值是空单元格。");
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        // The byte-order mark is there for Excel; a reader told utf-8 would take it into the first header.
        r.put("encoding", "utf-8-sig");
        ObjectNode dialect = r.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("header", true);
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (SummaryCsv.Column c : SummaryCsv.columns(site.site().moneyUnit(), site.edition().showsFindings())) {
            ObjectNode f = fields.addObject();
            f.put("name", c.name());
            f.put("title", c.title());
            f.put("type", c.type().key);
            f.put("description", c.description() + (c.unit() == null ? "" : "单位：" + c.unit() + "。"));
            if (c.type() == SummaryCsv.Type.NUMBER) {
                f.put("decimalChar", ".");
                f.put("bareNumber", true);
            }
            if (c.type() == SummaryCsv.Type.BOOLEAN) {
                f.putArray("trueValues").add("true");
                f.putArray("falseValues").add("false");
            }
            if (c.name().equals("project_id")) f.putObject("constraints").put("required", true).put("unique", true);
        }
        schema.putArray("primaryKey").add("project_id");
        schema.putArray("missingValues").add("");
        return r;
    }

    /** The licence entry: an id as {@code name}, other words as {@code title}; empty when it names nothing the spec accepts. */
    private static Optional<ObjectNode> licence(Publisher p) {
        String licence = p.licence() == null ? null : p.licence().strip();
        String url = p.licenceUrl() == null ? null : p.licenceUrl().strip();
        boolean isId = licence != null && LICENCE_ID.matcher(licence).matches();
        // The spec wants a name (an id) or a path; a title alone would make the descriptor invalid.
        if (!isId && (url == null || url.isEmpty())) return Optional.empty();
        ObjectNode l = NODES.objectNode();
        if (isId) l.put("name", licence);
        if (url != null && !url.isEmpty()) l.put("path", url);
        if (!isId && licence != null && !licence.isEmpty()) l.put("title", licence);
        return Optional.of(l);
    }

    private static String publisherName(Site site) {
        String name = site.publisher().name() != null ? site.publisher().name() : site.organisation();
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static byte[] json(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return (MAPPER.writer(printer).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
