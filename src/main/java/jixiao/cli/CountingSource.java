package jixiao.cli;

import jixiao.content.ContentSource;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A content source that counts the files read, for the summary line, and shows them as {@code 正在读取 n/N …}. */
final class CountingSource implements ContentSource {

    private final ContentSource source;
    private final Progress progress;
    private final AtomicInteger read = new AtomicInteger();

    CountingSource(ContentSource source, Progress progress) {
        this.source = source;
        this.progress = progress;
    }

    /** How many files were read (a file read twice counts twice). */
    int read() {
        return read.get();
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
        read.incrementAndGet();
        progress.step();
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
