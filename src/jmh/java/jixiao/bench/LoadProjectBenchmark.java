package jixiao.bench;

import jixiao.content.ContentLoader;
import jixiao.content.ContentSource;
import jixiao.content.YamlNode;
import jixiao.content.YamlReader;
import jixiao.diagnostic.Finding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loading one project form: YAML to nodes ({@link #parseProjectYaml}), and YAML to the
 * {@code Project} record with its source map and findings ({@link #loadProject}; one thread, in
 * a tree of {@link Forms#PROJECTS} forms, so the tree's site, report and unit files add about 3 %).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0"})
public class LoadProjectBenchmark {

    private ContentSource tree;
    private List<byte[]> forms;
    private YamlReader reader;
    private int next;

    @Setup
    public void setUp() {
        tree = Forms.tree();
        forms = Forms.realForms();
        reader = new YamlReader();
    }

    @Benchmark
    @OperationsPerInvocation(Forms.PROJECTS)
    public ContentLoader.Result loadProject() throws IOException {
        return ContentLoader.load(tree, false);
    }

    @Benchmark
    public Optional<YamlNode> parseProjectYaml() {
        byte[] form = forms.get(next++ % forms.size());
        List<Finding> findings = new ArrayList<>();
        return reader.read(form, "content/2020/unit/p.yaml", findings::add);
    }
}
