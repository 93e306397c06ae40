package jixiao.content;

import jixiao.diagnostic.SourcePosition;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML syntax error said in Chinese, at the place an editor has to look.
 *
 * <p>SnakeYAML says what it expected in parser words ("expected &lt;block end&gt;, but found
 * '&lt;block mapping start&gt;'") and marks where it gave up, which for an unclosed quote is the end
 * of the file, not the quote. Each known problem gets a sentence that names the mistake and how to
 * fix it, placed at the mark that shows it (the opening quote, the key missing its colon); a problem
 * this table does not know keeps SnakeYAML's words, so nothing is hidden.
 */
record YamlSyntaxError(SourcePosition position, String message) {

    private static final String GENERIC_HINT = "请检查缩进（只用空格）、冒号后的空格和引号是否成对。";

    private static final Pattern BAD_START = Pattern.compile("found character '(.+?)' that cannot start any token.*", Pattern.DOTALL);
    private static final Pattern BAD_ESCAPE = Pattern.compile("found unknown escape character (\\S+?)\\(\\d+\\).*", Pattern.DOTALL);

    private static final String UNCLOSED_QUOTE =
            "引号没有成对：这里开始的引号直到文件末尾都没有结束。请在这个值的末尾补上同样的引号（\" 或 '）。";
    private static final String QUOTE_RUNS_ON =
            "引号没有成对：这里开始的引号在本行没有结束，后面几行都被当成了这个值。请在这个值的末尾补上同样的引号（\" 或 '）。";
    /** A value that opens a quote after its key or list dash: {@code name: "…}, {@code - '…}. */
    private static final Pattern OPENING_QUOTE = Pattern.compile("^\\s*(?:-\\s+)?(?:[^\\s#\"'][^#\"']*?:\\s+)?([\"'])");

    /**
     * The error for a SnakeYAML exception in {@code text}; {@code fallback} when SnakeYAML marked no place.
     */
    static YamlSyntaxError of(MarkedYAMLException e, String text, String file, SourcePosition fallback) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        SourcePosition atProblem = at(e.getProblemMark(), file, fallback);
        SourcePosition atContext = at(e.getContextMark(), file, atProblem);


        if (problem.startsWith("found unexpected end of stream") && context.contains("quoted scalar")) {
            return new YamlSyntaxError(atContext, UNCLOSED_QUOTE);
        }
        // A quote left open runs on over the next lines (YAML allows quoted values on several lines), and
        // the parser only stumbles at the next quote, lines later: point at the quote that was left open.
        SourcePosition opened = quoteLeftOpenBefore(text, atProblem, file);
        if (opened != null) return new YamlSyntaxError(opened, QUOTE_RUNS_ON);
        if (problem.startsWith("could not find expected ':'")) {
            return new YamlSyntaxError(atContext,
                    "这一行缺少“: ”：键和值之间要写英文冒号加一个空格，例如 name: 劳动监察专项资金。"
                            + "如果它是上一行的续行，请给上一行的值加引号或改用“|”块。");
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return new YamlSyntaxError(atProblem,
                    "这里的“: ”不能出现：值里含有冒号加空格时，请给整个值加引号（如 \"目标: 100%\"）；"
                            + "如果它本是下一层的键，请检查这一行和上一行的缩进。");
        }
        Matcher badStart = BAD_START.matcher(problem);
        if (badStart.matches()) {
            String character = badStart.group(1);
            if (character.startsWith("\\t")) {
                return new YamlSyntaxError(atProblem, "这里有制表符（Tab）：YAML 只能用空格缩进。请把 Tab 换成空格。");
            }
            return new YamlSyntaxError(atProblem,
                    "值不能以“" + character + "”开头：请给整个值加引号，例如 \"" + character + "……\"。");
        }
        Matcher badEscape = BAD_ESCAPE.matcher(problem);
        if (badEscape.matches()) {
            // SnakeYAML marks the letter after the backslash; the mistake starts at the backslash.
            SourcePosition backslash = atProblem.column() > 1
                    ? new SourcePosition(file, atProblem.line(), atProblem.column() - 1) : atProblem;
            return new YamlSyntaxError(backslash,
                    "双引号里的“\\" + badEscape.group(1) + "”不是有效的转义：要写反斜杠本身请写成 \\\\，或改用单引号。");
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return new YamlSyntaxError(atContext,
                    "方括号没有成对：从这里开始的“[”缺少对应的“]”，或元素之间缺少逗号。");
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return new YamlSyntaxError(atContext,
                    "花括号没有成对：从这里开始的“{”缺少对应的“}”，或元素之间缺少逗号。");
        }
        if (problem.startsWith("expected <block end>, but found '<scalar>'")) {
            return new YamlSyntaxError(atProblem,
                    "这里多出了文字：一个值（例如结尾的引号）之后不能再接内容。请把整个值放进一对引号里。");
        }
        if (problem.startsWith("expected <block end>, but found '?'")
                || problem.startsWith("expected <block end>, but found '-'")) {
            return new YamlSyntaxError(atProblem,
                    "列表项（- 开头）和“键: 值”混在了同一层：请检查这一行的缩进。");
        }
        if (problem.startsWith("expected <block end>") || problem.startsWith("did not find expected key")
                || problem.startsWith("did not find expected '-' indicator")) {
            return new YamlSyntaxError(atProblem,
                    "缩进不一致：这一行与同一层的其他行没有对齐。同一层的键或列表项要从同一列开始，只用空格缩进。");
        }
        String said = context.isEmpty() ? problem : context + ": " + problem;
        return new YamlSyntaxError(atProblem, "YAML 语法错误（" + said.strip() + "）。" + GENERIC_HINT);
    }

    /**
     * The opening quote of the first value before the problem's line whose quote does not close on its own
     * line, or null. Only asked after the parser failed, so a value meant to run over lines is never flagged.
     */
    static SourcePosition quoteLeftOpenBefore(String text, SourcePosition problem, String file) {
        if (problem.line() < 2) return null;
        int lineNr = 1;
        int start = 0;
        while (lineNr < problem.line() && start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end).replace("\r", "");
            Matcher m = OPENING_QUOTE.matcher(line);
            if (m.find() && !closes(line, m.start(1) + 1, line.charAt(m.start(1)))) {
                return new SourcePosition(file, lineNr, line.codePointCount(0, m.start(1)) + 1);
            }
            lineNr++;
            start = end + 1;
        }
        return null;
    }

    /** Whether a quoted value opened before {@code from} ends on this line: {@code \"} and {@code ''} do not end it. */
    private static boolean closes(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') i++;
                else return true;
            }
        }
        return false;
    }

    /** SnakeYAML counts lines and columns from 0, in code points as {@link SourcePosition} does. */
    private static SourcePosition at(Mark mark, String file, SourcePosition fallback) {
        if (mark == null) return fallback;
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
