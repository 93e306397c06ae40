package jixiao.bench;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.render.Markdown;
import jixiao.render.SiteRenderer;
import jixiao.render.Templates;
import jixiao.site.FindingIndex;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.site.YearModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rendering one project page to its UTF-8 bytes, as {@code jixiao build} does for each: the page's
 * record (form with its figures and findings, narrative Markdown, history) and the precompiled jte
 * templates, in the internal edition (findings shown) and the public one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0"})
public class RenderProjectBenchmark {

    @Param({"internal", "public"})
    public String edition;

    private final List<SiteRenderer.Job> pages = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        CheckResult result = Checker.check(Forms.tree());
        Edition e = Edition.valueOf(edition.toUpperCase());
        SiteModel site = SiteModel.build(result, FindingIndex.of(result.findings()), e);
        SiteRenderer.Parts parts = new SiteRenderer.Parts(site, Templates.precompiled(), new Markdown(0), new byte[0]);
        for (YearModel year : site.years()) {
            for (UnitModel unit : year.units()) {
                for (ProjectModel project : unit.projects()) pages.add(parts.project(year, unit, project));
            }
        }
        if (pages.isEmpty()) throw new IllegalStateException("no project pages to render");
    }

    @Benchmark
    public byte[] renderProjectPage() {
        return pages.get(next++ % pages.size()).content().bytes();
    }
}
