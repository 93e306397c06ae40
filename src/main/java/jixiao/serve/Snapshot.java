package jixiao.serve;

import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.util.List;
import java.util.Map;

/**
 * What the preview serves at one moment: the files of the last build without errors, and what the
 * latest content and templates have wrong. Immutable; the server swaps in a new one after each rebuild.
 *
 * @param version  counts rebuilds; a page knows the version it was served at and reloads when it changes
 * @param files    the internal edition's files by path from its root; empty before the first good build
 * @param findings every finding of the latest content, in report order
 * @param problem  what stopped the latest rebuild other than findings (a template that does not compile,
 *                 a folder that cannot be read), or null
 */
record Snapshot(long version, Map<String, LazyFile> files, List<Finding> findings, String problem) {

    Snapshot {
        files = Map.copyOf(files);
        findings = List.copyOf(findings);
    }

    List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** Whether the pages are those of the latest content and templates. */
    boolean current() {
        return problem == null && errors().isEmpty();
    }
}
