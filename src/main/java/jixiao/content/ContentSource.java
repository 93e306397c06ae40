package jixiao.content;

import java.io.IOException;
import java.util.List;

/**
 * Where content files come from: a folder on disk, or a git revision (for comparing versions).
 * Paths are relative to the content folder and use {@code /}.
 */
public interface ContentSource {

    /** Every file below the content folder, sorted, as relative paths. */
    List<String> files() throws IOException;

    /** The bytes of one file; files over {@link YamlReader#MAX_BYTES} may be cut short, never read whole. */
    byte[] read(String path) throws IOException;

    /** How paths are shown in messages: the content folder's name as seen from its parent, usually {@code content}. */
    String displayRoot();

    default String display(String path) {
        return displayRoot() + "/" + path;
    }
}
