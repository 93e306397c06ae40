package jixiao.bench;

import jixiao.check.ProjectChecks;
import jixiao.content.ContentLoader;
import jixiao.content.Project;
import jixiao.diagnostic.Finding;
import jixiao.score.ProjectScore;
import jixiao.score.RulesProfile;
import jixiao.score.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Scoring one loaded project ({@link #scoreProject}), and scoring and checking it ({@link #scoreAndCheckProject}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0"})
public class ScoreProjectBenchmark {

    private List<Project> projects;
    private Scorer scorer;
    private ProjectChecks checks;
    private int next;

    @Setup
    public void setUp() throws IOException {
        ContentLoader.Result loaded = ContentLoader.load(Forms.tree(), false);
        projects = loaded.content().years().get(0).projects().toList();
        RulesProfile profile = RulesProfile.resolve(loaded.content().site().rules(), f -> { });
        scorer = new Scorer(profile);
        checks = new ProjectChecks(profile);
    }

    @Benchmark
    public ProjectScore scoreProject() {
        return scorer.score(projects.get(next++ % projects.size()));
    }

    @Benchmark
    public List<Finding> scoreAndCheckProject() {
        Project p = projects.get(next++ % projects.size());
        List<Finding> findings = new ArrayList<>();
        checks.check(p, scorer.score(p), findings::add);
        return findings;
    }
}
