package jixiao.format;

import jixiao.check.CheckResult;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.Severity;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code jixiao check}'s text report: every finding as compilers print them, then a line of counts. */
public final class CheckText {

    private CheckText() {
    }

    /** Every finding as a compiler prints it, then (with {@code summary}) what was checked and how many findings of each severity. */
    public static void print(CheckResult result, Path base, PrintStream out, boolean summary) {
        FindingPrinter printer = new FindingPrinter(base);
        for (Finding f : result.findings()) printer.print(f, out);
        if (summary) out.println(summary(result));
    }

    /** One line: what was checked and how many findings of each severity. */
    public static String summary(CheckResult result) {
        long projects = result.content().years().stream().mapToLong(y -> y.projects().count()).sum();
        long units = result.content().years().stream().mapToLong(y -> y.units().size()).sum();
        return "检查了 " + result.content().years().size() + " 个年度、" + units + " 个单位、" + projects + " 个项目："
                + result.count(Severity.ERROR) + " 个错误，" + result.count(Severity.WARNING) + " 个警告，"
                + result.count(Severity.INFO) + " 条提示。";
    }
}
