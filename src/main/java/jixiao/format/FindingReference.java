package jixiao.format;

import jixiao.diagnostic.Severity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the {@link FindingCatalog} reads to people: {@code docs/findings.md}, the reference that every
 * finding links to (one heading per code, so that {@code findings.md#grade-mismatch} finds it), and the
 * help text SARIF viewers show beside a result. Both come from the same catalog, so they cannot drift.
 */
public final class FindingReference {

    /** The reference in the repository, and where {@code helpUri} points: {@code …/docs/findings.md#<code>}. */
    static final String DOC_PATH = "docs/findings.md";
    static final String DOC_URI = FindingFormats.INFORMATION_URI + "/blob/main/" + DOC_PATH;

    /** A Markdown link to a page beside findings.md: {@code [内容格式](content-format.md)}. */
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?![a-z]+:|#)([^)\\s]+)\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    private FindingReference() {
    }

    /** The absolute address of a code's entry in the reference, as SARIF's {@code helpUri} needs. */
    static String helpUri(String code) {
        return DOC_URI + "#" + code;
    }

    /** 错误, 警告, 提示: the words the step summary and the site use. */
    static String severityWord(Severity severity) {
        return switch (severity) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    /** The whole of {@code docs/findings.md}, with {@code \n} line ends. */
    public static String markdown(FindingCatalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append("# jixiao check 报告的问题\n\n");
        b.append("<!-- Generated from src/main/resources/jixiao/findings/findings.yaml; do not edit by hand.\n")
                .append("     After changing that file run: mvn -q -B -o test -Dtest=FindingCatalogTest -Djixiao.updateGolden=true -->\n\n");
        b.append("`jixiao check` 报告的每一处问题都带有一个代码，例如 `warning[grade-mismatch]`。本页按代码说明它的意思、")
                .append("为什么对自评表要紧，以及怎样改正。GitHub 代码扫描（`--format sarif`）中每条结果的“规则帮助”也链接到这里。\n\n");
        b.append("- **错误**（error）：构建停止，什么也不发布，直到改正。\n");
        b.append("- **警告**（warning）：照常构建（签过字的表按原样发布），警告显示在内部版中供审核；加 `--strict` 时构建失败。\n");
        b.append("- **提示**（info）：不影响构建，只说明 jixiao 核对了什么、没有核对什么。\n\n");
        for (FindingCatalog.Group group : catalog.groups()) {
            b.append("## ").append(group.title()).append("\n\n");
            b.append("| 代码 | 级别 | 说明 |\n| --- | --- | --- |\n");
            for (FindingCatalog.Rule rule : group.rules()) {
                b.append("| [`").append(rule.code()).append("`](#").append(rule.code()).append(") | ")
                        .append(severityWord(rule.severity())).append(" | ").append(FindingFormats.cell(rule.shortDescription())).append(" |\n");
            }
            b.append('\n');
            for (FindingCatalog.Rule rule : group.rules()) {
                b.append("### ").append(rule.code()).append("\n\n");
                b.append("**").append(severityWord(rule.severity())).append("**：").append(rule.shortDescription()).append("\n\n");
                b.append(rule.fullDescription()).append("\n\n");
                b.append("**怎样改正：**\n\n").append(rule.help()).append("\n\n");
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    /** SARIF's {@code help.markdown}: what the code means and how to fix it, links made absolute. */
    static String helpMarkdown(FindingCatalog.Rule rule) {
        String markdown = rule.fullDescription() + "\n\n**怎样改正：**\n\n" + rule.help()
                + "\n\n[查看说明](" + helpUri(rule.code()) + ")";
        return absoluteLinks(markdown);
    }

    /** SARIF's {@code help.text}: the same without Markdown's fences, a link written as 名称（地址）. */
    static String helpText(FindingCatalog.Rule rule) {
        StringBuilder b = new StringBuilder();
        for (String line : (rule.fullDescription() + "\n\n怎样改正：\n\n" + rule.help()).split("\n", -1)) {
            if (!line.startsWith("```")) b.append(line).append('\n');
        }
        b.append("\n说明：").append(helpUri(rule.code()));
        Matcher m = LINK.matcher(absoluteLinks(b.toString()));
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "（" + r.group(2) + "）"));
    }

    /** A link relative to findings.md ({@code content-format.md}) made absolute, for a reader outside the repository. */
    static String absoluteLinks(String markdown) {
        String base = DOC_URI.substring(0, DOC_URI.lastIndexOf('/') + 1);
        return RELATIVE_LINK.matcher(markdown).replaceAll(r -> Matcher.quoteReplacement("](" + base + r.group(1) + ")"));
    }
}
