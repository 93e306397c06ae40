package jixiao.cli;

import jixiao.content.ContentSource;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A content source that counts the files read, for the summary line, and shows them as {@code 正在读取 n/N …}. */
final class CountingSource implements ContentSource {

    private final ContentSource source;
    private final Progress progress;
    /** The files read so far: a file read again (to place a finding inside one of its values) counts once. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    CountingSource(ContentSource source, Progress progress) {
        this.source = source;
        this.progress = progress;
    }

    /**
     * How many files were read, each once: an incremental build that takes a finding from its cache does not read the
     * file again to place it, and must not report fewer files than a full build of the same content.
     */
    int read() {
        return read.size();
    }

    @Override
    public List<String> files() throws IOException {
        return listing().files();
    }

    @Override
    public Listing listing() throws IOException {
        Listing listing = source.listing();
        progress.phase("正在读取", listing.files().size());
        return listing;
    }

    @Override
    public byte[] read(String path) throws IOException {
        byte[] bytes = source.read(path);
        if (read.add(path)) progress.step();
        return bytes;
    }

    @Override
    public String displayRoot() {
        return source.displayRoot();
    }

    @Override
    public String display(String path) {
        return source.display(path);
    }
}
