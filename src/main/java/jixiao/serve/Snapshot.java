package jixiao.serve;

import jixiao.build.RenderedFile;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the preview serves at one moment: the files of the last build without errors, and what the
 * latest content and templates have wrong. Immutable; the server swaps in a new one after each rebuild.
 *
 * @param version  counts rebuilds; a page knows the version it was served at and reloads when it changes
 * @param files    the internal edition's files by path from its root; empty before the first good build
 * @param findings every finding of the latest content, in report order
 * @param errors   the findings that keep the site from being rebuilt
 * @param warnings the findings shown in the less intrusive panel
 * @param problem  what stopped the latest rebuild other than findings (a template that does not compile,
 *                 a folder that cannot be read), or null
 * @param overlay  what {@link Overlay} adds to every page, as UTF-8 (not to be changed)
 */
record Snapshot(long version, Map<String, RenderedFile> files, List<Finding> findings, List<Finding> errors,
                List<Finding> warnings, String problem, byte[] overlay) {

    /** @param files not copied (ten thousand pages, after every save): the caller must not change it */
    static Snapshot of(long version, Map<String, RenderedFile> files, List<Finding> findings, String problem) {
        Snapshot s = new Snapshot(version, Collections.unmodifiableMap(files), List.copyOf(findings),
                findings.stream().filter(f -> f.severity() == Severity.ERROR).toList(),
                findings.stream().filter(f -> f.severity() == Severity.WARNING).toList(), problem, null);
        // The same for every page served from this snapshot: made once, not on every request.
        return new Snapshot(s.version, s.files, s.findings, s.errors, s.warnings, s.problem,
                Overlay.snippet(s).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the pages are those of the latest content and templates. */
    boolean current() {
        return problem == null && errors.isEmpty();
    }
}
