package jixiao.importer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sheets of an .xlsx file as grids, one form per sheet, in the workbook's order. Cells show their text as
 * the sheet shows it where that matters: shared and inline strings as written, numbers as stored, and numbers
 * formatted as a percentage as a percentage ({@code 0.99} → {@code 99%}). Merged ranges become spans and
 * covered cells. Relationships with {@code TargetMode="External"} are never followed, nor is anything outside
 * the package.
 */
final class XlsxSheets {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Rows and columns beyond these are not read: a form has a few dozen. */
    private static final int MAX_ROWS = 5_000;
    private static final int MAX_COLUMNS = 100;

    private XlsxSheets() {
    }

    static List<Grid> read(OfficeZip zip, String display) throws ImportException {
        try {
            byte[] workbook = zip.read("xl/workbook.xml");
            byte[] rels = zip.read("xl/_rels/workbook.xml.rels");
            if (workbook == null || rels == null) throw OfficeZip.broken(display);
            Map<String, String> targets = relationships(rels);
            List<String> shared = sharedStrings(zip.read("xl/sharedStrings.xml"));
            Set<Integer> percentStyles = percentStyles(zip.read("xl/styles.xml"));
            List<Grid> grids = new ArrayList<>();
            for (Map.Entry<String, String> sheet : sheets(workbook).entrySet()) {
                String target = targets.get(sheet.getValue());
                if (target == null) continue;
                String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                byte[] xml = zip.read(part);
                if (xml == null) continue;
                grids.add(sheet(xml, "工作表“" + sheet.getKey() + "”", shared, percentStyles));
            }
            return grids;
        } catch (XMLStreamException | RuntimeException e) {
            throw OfficeZip.broken(display);
        }
    }

    /** Sheet name → relationship id, in the workbook's order. */
    private static Map<String, String> sheets(byte[] xml) throws XMLStreamException {
        Map<String, String> sheets = new LinkedHashMap<>();
        XMLStreamReader x = SafeXml.reader(xml);
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && MAIN.equals(x.getNamespaceURI()) && x.getLocalName().equals("sheet")) {
                sheets.put(x.getAttributeValue(null, "name"), x.getAttributeValue(REL, "id"));
            }
        }
        return sheets;
    }

    /** Relationship id → target, for relationships inside the package only. */
    private static Map<String, String> relationships(byte[] xml) throws XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        XMLStreamReader x = SafeXml.reader(xml);
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                String mode = x.getAttributeValue(null, "TargetMode");
                String target = x.getAttributeValue(null, "Target");
                if ("External".equalsIgnoreCase(mode) || target == null || target.contains("..") || target.contains(":")) continue;
                targets.put(x.getAttributeValue(null, "Id"), target);
            }
        }
        return targets;
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        if (xml == null) return strings;
        XMLStreamReader x = SafeXml.reader(xml);
        StringBuilder current = null;
        int phonetic = 0;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String text = x.getElementText();
                        if (current != null && phonetic == 0) current.append(text);
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (x.getLocalName().equals("rPh")) phonetic--;
                else if (x.getLocalName().equals("si") && current != null) strings.add(current.toString());
            }
        }
        return strings;
    }

    /** Indexes of the cell formats (cellXfs) that show a number as a percentage. */
    private static Set<Integer> percentStyles(byte[] xml) throws XMLStreamException {
        Set<Integer> percent = new HashSet<>();
        if (xml == null) return percent;
        Set<Integer> percentFormats = new HashSet<>(Set.of(9, 10));
        XMLStreamReader x = SafeXml.reader(xml);
        boolean inCellXfs = false;
        int index = 0;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "numFmt" -> {
                        String code = x.getAttributeValue(null, "formatCode");
                        if (code != null && code.replaceAll("\"[^\"]*\"", "").contains("%")) {
                            percentFormats.add(Integer.parseInt(x.getAttributeValue(null, "numFmtId")));
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = x.getAttributeValue(null, "numFmtId");
                            if (id != null && percentFormats.contains(Integer.parseInt(id))) percent.add(index);
                            index++;
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
                inCellXfs = false;
            }
        }
        return percent;
    }

    private static Grid sheet(byte[] xml, String where, List<String> shared, Set<Integer> percentStyles) throws XMLStreamException {
        TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
        List<int[]> merges = new ArrayList<>();
        XMLStreamReader x = SafeXml.reader(xml);
        int nextRow = 0;
        while (x.hasNext()) {
            if (x.next() != XMLStreamConstants.START_ELEMENT) continue;
            switch (x.getLocalName()) {
                case "row" -> {
                    String r = x.getAttributeValue(null, "r");
                    nextRow = r == null ? nextRow + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    String ref = x.getAttributeValue(null, "r");
                    String type = x.getAttributeValue(null, "t");
                    String style = x.getAttributeValue(null, "s");
                    String value = cellValue(x, type, shared, style != null && percentStyles.contains(Integer.parseInt(style)));
                    int[] at = ref == null ? new int[]{nextRow - 1, cells.getOrDefault(nextRow - 1, new TreeMap<>()).size()} : reference(ref);
                    if (at[0] < MAX_ROWS && at[1] < MAX_COLUMNS && value != null) {
                        cells.computeIfAbsent(at[0], k -> new TreeMap<>()).put(at[1], value);
                    }
                }
                case "mergeCell" -> {
                    String ref = x.getAttributeValue(null, "ref");
                    if (ref != null && ref.contains(":")) {
                        int[] a = reference(ref.substring(0, ref.indexOf(':')));
                        int[] b = reference(ref.substring(ref.indexOf(':') + 1));
                        merges.add(new int[]{Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(MAX_ROWS, Math.max(a[0], b[0])),
                                Math.min(MAX_COLUMNS - 1, Math.max(a[1], b[1]))});
                    }
                }
                default -> {
                }
            }
        }
        return grid(where, cells, merges);
    }

    /** Lays the cells on the grid: a merged range is its top-left cell spanning its columns, covering the rows below. */
    private static Grid grid(String where, TreeMap<Integer, TreeMap<Integer, String>> cells, List<int[]> merges) {
        int lastRow = cells.isEmpty() ? -1 : cells.lastKey();
        int columns = 0;
        for (TreeMap<Integer, String> row : cells.values()) columns = Math.max(columns, row.lastKey() + 1);
        for (int[] m : merges) {
            lastRow = Math.max(lastRow, m[2]);
            columns = Math.max(columns, m[3] + 1);
        }
        // For every grid position: the merge it lies in, if any.
        Map<Long, int[]> mergeAt = new HashMap<>();
        for (int[] m : merges) {
            for (int r = m[0]; r <= m[2]; r++) for (int c = m[1]; c <= m[3]; c++) mergeAt.putIfAbsent((long) r << 32 | c, m);
        }
        List<List<Grid.Cell>> rows = new ArrayList<>();
        for (int r = 0; r <= lastRow; r++) {
            List<Grid.Cell> row = new ArrayList<>();
            TreeMap<Integer, String> values = cells.getOrDefault(r, new TreeMap<>());
            for (int c = 0; c < columns; ) {
                int[] m = mergeAt.get((long) r << 32 | c);
                if (m == null) {
                    row.add(new Grid.Cell(values.getOrDefault(c, ""), c, 1, false));
                    c++;
                } else {
                    int span = m[3] - m[1] + 1;
                    if (c == m[1]) {
                        boolean top = r == m[0];
                        row.add(new Grid.Cell(top ? values.getOrDefault(c, "") : "", c, span, !top));
                    }
                    c = m[3] + 1;
                }
            }
            rows.add(row);
        }
        return new Grid(where, List.of(), rows);
    }

    private static String cellValue(XMLStreamReader x, String type, List<String> shared, boolean percent) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (x.getLocalName().equals("v")) {
                    value = x.getElementText();
                    depth--;
                } else if (x.getLocalName().equals("t")) {
                    if (inline == null) inline = new StringBuilder();
                    inline.append(x.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("inlineStr".equals(type)) return inline == null ? "" : inline.toString();
        if (value == null) return null;
        if ("s".equals(type)) {
            int i = Integer.parseInt(value.trim());
            return i >= 0 && i < shared.size() ? shared.get(i) : "";
        }
        if ("str".equals(type) || "e".equals(type)) return value;
        if ("b".equals(type)) return value.equals("1") ? "TRUE" : "FALSE";
        if (percent) {
            try {
                BigDecimal p = new BigDecimal(value.trim()).movePointRight(2).stripTrailingZeros();
                return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return numberText(value);
    }

    /** A stored number as a person would have typed it: no exponent, no trailing zeros a float adds. */
    private static String numberText(String value) {
        try {
            BigDecimal n = new BigDecimal(value.trim());
            if (n.precision() > 15) n = n.round(new java.math.MathContext(15));
            n = n.stripTrailingZeros();
            return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** {@code B12} → row 11, column 1 (from 0). */
    private static int[] reference(String ref) {
        int i = 0;
        int column = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > 20_000) break;
            i++;
        }
        int row = Integer.parseInt(ref.substring(i).trim());
        return new int[]{row - 1, column - 1};
    }
}
