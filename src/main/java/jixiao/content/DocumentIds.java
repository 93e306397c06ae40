package jixiao.content;

/**
 * The custom document properties through which report.docx names the unit and project id of each form, so that
 * {@code jixiao import} brings a document jixiao wrote back under the same ids: written by the renderer, read by
 * the importer, defined here once.
 */
public final class DocumentIds {

    /** Form n (from 1, in document order): {@code unit/id}, its order (or empty) and its name, tab-separated. */
    public static final String FORM = "jixiao.form.";
    /** Unit n (from 1): its id, its order (or empty) and its name, tab-separated. */
    public static final String UNIT = "jixiao.unit.";

    private DocumentIds() {
    }
}
