/**
 * JMH benchmarks of jixiao's hot inner paths, built and run only with {@code -Pjmh} (see BENCHMARKS.md).
 *
 * <ul>
 *   <li>{@link jixiao.bench.LoadProjectBenchmark}: loading one project form (YAML parse, records).</li>
 *   <li>{@link jixiao.bench.ScoreProjectBenchmark}: scoring (and checking) one project.</li>
 *   <li>{@link jixiao.bench.RenderProjectBenchmark}: rendering one project page (internal and public edition).</li>
 * </ul>
 */
package jixiao.bench;
