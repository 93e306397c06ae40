package jixiao.format;

import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.util.List;

/**
 * What {@code check --changed-since} leaves out: the errors and warnings of the files not changed
 * since the revision, and how many files hold them. Told in one line, so that a reviewer knows the
 * rest of the content is not clean without reading it all.
 */
public record Unlisted(long files, long errors, long warnings) {

    public static Unlisted of(List<Finding> left) {
        List<Finding> counted = left.stream().filter(f -> f.severity() != Severity.INFO).toList();
        return new Unlisted(counted.stream().map(f -> f.position().file()).distinct().count(),
                counted.stream().filter(f -> f.severity() == Severity.ERROR).count(),
                counted.stream().filter(f -> f.severity() == Severity.WARNING).count());
    }

    /** Whether there is anything to tell. */
    public boolean any() {
        return errors + warnings > 0;
    }

    /** {@code 其余 3 个文件另有 2 个错误、5 个警告未列出。} */
    public String line() {
        return "其余 " + files + " 个文件另有 " + errors + " 个错误、" + warnings + " 个警告未列出。";
    }

    /** The line as a GitHub notice without a file, shown on the run's summary page. */
    public String githubNotice() {
        return "::notice title=changed-since::" + FindingFormats.escapeData(line()) + "\n";
    }
}
