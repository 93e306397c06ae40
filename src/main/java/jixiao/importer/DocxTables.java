package jixiao.importer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of word/document.xml, in document order, each with the paragraphs before it. Only the main
 * document part is read: headers, comments, embedded objects and whatever a relationship points to are not.
 * Text is that of w:t (tabs and breaks as such); deleted text of tracked changes (w:delText), field codes and
 * the fallback copy of alternate content are left out, so nothing is read twice. A table inside a cell adds
 * its text to that cell.
 */
final class DocxTables {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    /** Paragraphs kept before a table: the form's title, year, 填报部门 and 金额单位 take a few. */
    private static final int BEFORE = 8;

    private DocxTables() {
    }

    static List<Grid> read(byte[] documentXml, String display) throws ImportException {
        try {
            return parse(SafeXml.reader(documentXml));
        } catch (XMLStreamException | RuntimeException e) {
            throw OfficeZip.broken(display);
        }
    }

    private static List<Grid> parse(XMLStreamReader x) throws XMLStreamException {
        List<Grid> grids = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int tableDepth = 0;
        int skip = 0;
        List<List<Grid.Cell>> rows = null;
        List<Grid.Cell> row = null;
        StringBuilder cell = null;
        int column = 0;
        int span = 1;
        boolean covered = false;
        boolean firstParagraphInCell = true;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = x.getNamespaceURI();
                String name = x.getLocalName();
                if (skip > 0 || MC.equals(ns) && name.equals("Fallback") || W.equals(ns) && (name.equals("delText") || name.equals("instrText"))) {
                    skip++;
                    continue;
                }
                if (!W.equals(ns)) continue;
                switch (name) {
                    case "tbl" -> {
                        if (++tableDepth == 1) rows = new ArrayList<>();
                    }
                    case "tr" -> {
                        if (tableDepth == 1) {
                            row = new ArrayList<>();
                            column = 0;
                        }
                    }
                    case "gridBefore" -> {
                        if (tableDepth == 1 && row != null && row.isEmpty()) column += number(x, 0);
                    }
                    case "tc" -> {
                        if (tableDepth == 1) {
                            cell = new StringBuilder();
                            span = 1;
                            covered = false;
                            firstParagraphInCell = true;
                        }
                    }
                    case "gridSpan" -> {
                        if (tableDepth == 1 && cell != null) span = Math.max(1, Math.min(64, number(x, 1)));
                    }
                    case "vMerge" -> {
                        if (tableDepth == 1 && cell != null) {
                            String v = attribute(x, "val");
                            covered = v == null || v.equals("continue");
                        }
                    }
                    case "p" -> {
                        if (tableDepth >= 1 && cell != null) {
                            if (!firstParagraphInCell) cell.append('\n');
                            firstParagraphInCell = false;
                        } else {
                            paragraph.setLength(0);
                        }
                    }
                    case "t" -> (tableDepth >= 1 && cell != null ? cell : paragraph).append(x.getElementText());
                    case "tab" -> (tableDepth >= 1 && cell != null ? cell : paragraph).append('\t');
                    case "br", "cr" -> (tableDepth >= 1 && cell != null ? cell : paragraph).append('\n');
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (!W.equals(x.getNamespaceURI())) continue;
                switch (x.getLocalName()) {
                    case "tc" -> {
                        if (tableDepth == 1 && cell != null && row != null) {
                            row.add(new Grid.Cell(covered ? "" : cell.toString(), column, span, covered));
                            column += span;
                            cell = null;
                        }
                    }
                    case "tr" -> {
                        if (tableDepth == 1 && row != null) {
                            rows.add(row);
                            row = null;
                        }
                    }
                    case "tbl" -> {
                        if (--tableDepth == 0) {
                            int from = Math.max(0, paragraphs.size() - BEFORE);
                            grids.add(new Grid("表 " + (grids.size() + 1), paragraphs.subList(from, paragraphs.size()), rows));
                            paragraphs.clear();
                            rows = null;
                        }
                    }
                    case "p" -> {
                        if (tableDepth == 0 && !paragraph.toString().isBlank()) paragraphs.add(paragraph.toString());
                    }
                    default -> {
                    }
                }
            }
        }
        return grids;
    }

    private static String attribute(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) return x.getAttributeValue(i);
        }
        return null;
    }

    private static int number(XMLStreamReader x, int fallback) {
        String v = attribute(x, "val");
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
