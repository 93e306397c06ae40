package jixiao.bench;

import jixiao.content.ContentSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The benchmarks' input: the project forms of the real content ({@code content/}, or the folder
 * in {@code -Djixiao.bench.content}), repeated under new names into one in-memory tree of
 * {@link #PROJECTS} forms, so that no disk access is timed.
 */
final class Forms {

    /** Forms per tree; the benchmarks report time per form with {@code @OperationsPerInvocation(PROJECTS)}. */
    static final int PROJECTS = 100;

    private Forms() {
    }

    /** The bytes of every project form of the real content, in path order. */
    static List<byte[]> realForms() {
        Path content = Path.of(System.getProperty("jixiao.bench.content", "content"));
        try (Stream<Path> walk = Files.walk(content)) {
            List<byte[]> forms = new ArrayList<>();
            for (Path p : walk.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".yaml") && !name.equals("unit.yaml") && !name.equals("report.yaml")
                        && !name.equals("site.yaml")) {
                    forms.add(Files.readAllBytes(p));
                }
            }
            if (forms.isEmpty()) throw new IllegalStateException("no project forms under " + content.toAbsolutePath());
            return forms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree with one year, one unit and {@link #PROJECTS} forms (the real ones, repeated). */
    static ContentSource tree() {
        List<byte[]> forms = realForms();
        Map<String, byte[]> files = new TreeMap<>();
        files.put("site.yaml", "title: 基准\n".getBytes());
        files.put("2020/report.yaml", "title: 基准报告\nperiod: 2020\n".getBytes());
        files.put("2020/unit/unit.yaml", "name: 基准单位\n".getBytes());
        for (int i = 0; i < PROJECTS; i++) {
            files.put(String.format("2020/unit/p%03d.yaml", i), forms.get(i % forms.size()));
        }
        return new ContentSource() {
            @Override
            public List<String> files() {
                return List.copyOf(files.keySet());
            }

            @Override
            public byte[] read(String path) {
                return files.get(path);
            }

            @Override
            public String displayRoot() {
                return "content";
            }
        };
    }
}
