/**
 * JMH benchmarks of jixiao's hot inner paths, built and run only with {@code -Pjmh} (see BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@link jixiao.bench.LoadProjectBenchmark}: loading one project form (YAML parse, records).</li>
 *   <li>{@link jixiao.bench.ScoreProjectBenchmark}: scoring (and checking) one project.</li>
 *   <li>RenderProjectBenchmark, rendering one project page: not written yet. It comes with
 *       {@code jixiao build} (the site branch) and belongs here, next to these two.</li>
 * </ul>
 */
package jixiao.bench;
