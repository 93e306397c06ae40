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

    /**
     * The files (as {@link #files()}) and the entries left out of them that an editor may have meant as
     * content: nothing below the content folder disappears without a word.
     */
    default Listing listing() throws IOException {
        return new Listing(files(), List.of());
    }

    /** The bytes of one file; files over {@link YamlReader#MAX_BYTES} may be cut short, never read whole. */
    byte[] read(String path) throws IOException;

    /** How paths are shown in messages: the content folder's name as seen from its parent, usually {@code content}. */
    String displayRoot();

    default String display(String path) {
        return displayRoot() + "/" + path;
    }

    /** What a walk of the content folder found. */
    record Listing(List<String> files, List<Skipped> skipped) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** An entry below the content folder that is not read, with why; {@code path} is relative, as in {@link #files()}. */
    record Skipped(String path, Kind kind) {
        public enum Kind {
            /** A symbolic link: never followed, so that nothing outside the content folder is read or published. */
            LINK,
            /** A named pipe, socket or device: reading it could block or never end. */
            SPECIAL,
            /** A folder named like a content file ({@code x.yaml/}): its files are not content either. */
            FOLDER_NAMED_LIKE_FILE
        }
    }
}
