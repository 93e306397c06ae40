package jixiao.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;

/**
 * Writes a whole output tree: {@code files} maps paths relative to {@code target} (with {@code /})
 * to their bytes. Either the new tree replaces what was at {@code target}, or (on failure) what
 * was there stays as it was.
 */
public interface TreeWriter {

    void write(Path target, SortedMap<String, byte[]> files) throws IOException;
}
