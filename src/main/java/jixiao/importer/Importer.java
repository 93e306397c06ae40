package jixiao.importer;

import jixiao.content.ContentLayout;
import jixiao.content.DocumentIds;
import jixiao.score.RulesProfile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jixiao import}'s reading half: every 部门预算项目绩效自评表 of a Word document (each table that is a form)
 * or of an Excel workbook (one form per sheet), each with the unit and project id it goes to and its YAML text.
 * Writing the files is the command's job.
 *
 * <p>Ids: a document jixiao wrote names each form's unit and id in its custom properties, which are used while
 * the form's name still matches. Otherwise a project's id is a stable slug of its name ({@code xm-} and eight hex
 * digits of its SHA-256, so the same name gets the same id every year, which is how years are compared), and its
 * unit is {@code --unit}, or a slug of its 填报部门 or 实施预算单位; editors can rename both.
 */
public final class Importer {

    static final String NO_UNIT = "imported";

    /** A unit forms go to: its id, and the order and name for its unit.yaml when it has none yet. */
    public record Unit(String id, Integer order, String name) {
    }

    /** One form, where it goes and its file's text (without the schema line). */
    public record Form(ImportedForm form, String unitId, String id, Integer order, String yaml) {
    }

    /**
     * @param tables   tables or sheets read, forms or not
     * @param problems forms that could not be read at all, each naming its table
     */
    public record Result(List<Form> forms, List<Unit> units, int tables, List<String> problems) {
        public Result {
            forms = List.copyOf(forms);
            units = List.copyOf(units);
            problems = List.copyOf(problems);
        }

        public int notes() {
            return forms.stream().mapToInt(f -> f.form().notes().size()).sum();
        }
    }

    private Importer() {
    }

    /**
     * Reads {@code file}.
     *
     * @param display how messages name the file
     * @param unit    the unit every form goes to ({@code --unit}), or null to group them by their 填报部门
     * @throws ImportException when the file cannot be read at all (missing, too large, broken, .doc/.xls)
     */
    public static Result read(Path file, String display, RulesProfile profile, String unit) throws ImportException {
        return read(file, display, profile, unit, OfficeZip.Limits.DEFAULT);
    }

    static Result read(Path file, String display, RulesProfile profile, String unit, OfficeZip.Limits limits) throws ImportException {
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".doc") || lower.endsWith(".xls") || lower.endsWith(".wps") || lower.endsWith(".et")) {
            throw new ImportException(display + "：旧版 Word/Excel/WPS 格式无法直接读取：请用 Word、WPS 或 LibreOffice 打开，"
                    + "另存为 .docx 或 .xlsx 后再导入。");
        }
        if (!lower.endsWith(".docx") && !lower.endsWith(".xlsx")) {
            throw new ImportException(display + "：只能导入 .docx（Word）或 .xlsx（Excel）文件。");
        }
        List<Grid> grids;
        Map<String, String> properties;
        try (OfficeZip zip = OfficeZip.open(file, display, limits)) {
            if (lower.endsWith(".docx")) {
                byte[] document = zip.read("word/document.xml");
                if (document == null) throw new ImportException(display + "：不是 Word 文档（缺少 word/document.xml）：请用 Word、WPS 或 LibreOffice 另存为 .docx 后再导入。");
                grids = DocxTables.read(document, display);
            } else {
                grids = XlsxSheets.read(zip, display);
            }
            properties = customProperties(zip.read("docProps/custom.xml"));
        }
        List<String> problems = new ArrayList<>();
        List<ImportedForm> read = new ArrayList<>();
        for (Grid grid : grids) {
            if (!FormReader.isForm(grid)) continue;
            FormReader.read(grid, profile, problems).ifPresent(read::add);
        }
        return place(read, properties, unit, grids.size(), problems, file.getFileName().toString());
    }

    /** Chooses each form's unit, id and order. */
    private static Result place(List<ImportedForm> read, Map<String, String> properties, String unit, int tables,
                                List<String> problems, String fileName) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Unit> namedUnits = new HashMap<>();
        for (int n = 1; properties.containsKey(DocumentIds.UNIT + n); n++) {
            String[] p = properties.get(DocumentIds.UNIT + n).split("\t", 3);
            if (p.length == 3 && ContentLayout.isId(p[0])) namedUnits.put(p[0], new Unit(p[0], integer(p[1]), p[2]));
        }
        Set<String> ids = new HashSet<>();
        Map<String, Integer> orders = new HashMap<>();
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            ImportedForm f = read.get(i);
            String unitId;
            String id = null;
            Integer order = null;
            Unit chosen;
            String[] named = Optional.ofNullable(properties.get(DocumentIds.FORM + (i + 1))).map(v -> v.split("\t", 3)).orElse(null);
            if (unit == null && named != null && named.length == 3 && named[2].equals(f.name()) && named[0].contains("/")) {
                String[] path = named[0].split("/", 2);
                // Only the content format's ids: nothing else ever becomes a path.
                if (ContentLayout.isId(path[0]) && ContentLayout.isId(path[1]) && !ContentLayout.isReservedProjectId(path[1])) {
                    id = path[1];
                    order = integer(named[1]);
                    chosen = namedUnits.getOrDefault(path[0], new Unit(path[0], null, path[0]));
                    units.putIfAbsent(chosen.id(), chosen);
                    unitId = chosen.id();
                    if (ids.add(id)) {
                        forms.add(new Form(f, unitId, id, order, FormYaml.text(f, order, fileName)));
                        continue;
                    }
                }
            }
            String unitName = f.filingDepartment() != null ? f.filingDepartment() : f.implementingUnit();
            if (unit != null) {
                chosen = new Unit(unit, null, unitName != null ? unitName : unit);
            } else if (unitName != null) {
                chosen = new Unit(slug("dw-", unitName), null, unitName);
            } else {
                chosen = new Unit(NO_UNIT, null, "导入的项目（表上未写填报部门）");
            }
            units.putIfAbsent(chosen.id(), chosen);
            unitId = chosen.id();
            id = slug("xm-", f.name());
            for (int k = 2; !ids.add(id); k++) id = slug("xm-", f.name()) + "-" + k;
            order = orders.merge(unitId, 1, Integer::sum);
            forms.add(new Form(f, unitId, id, order, FormYaml.text(f, order, fileName)));
        }
        return new Result(forms, new ArrayList<>(units.values()), tables, problems);
    }

    /** {@code prefix} and the first eight hex digits of the SHA-256 of the normalised name: stable, and a valid id. */
    static String slug(String prefix, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(FormReader.norm(name).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Custom document properties as name → text (docProps/custom.xml), or none. */
    private static Map<String, String> customProperties(byte[] xml) {
        Map<String, String> properties = new HashMap<>();
        if (xml == null) return properties;
        try {
            XMLStreamReader x = SafeXml.reader(xml);
            String name = null;
            while (x.hasNext()) {
                int event = x.next();
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                if (x.getLocalName().equals("property")) name = x.getAttributeValue(null, "name");
                else if (x.getLocalName().equals("lpwstr") && name != null) properties.put(name, x.getElementText());
            }
        } catch (XMLStreamException | RuntimeException e) {
            // The properties only help choose ids; a document without readable ones is imported by its names.
            return Map.of();
        }
        return properties;
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
