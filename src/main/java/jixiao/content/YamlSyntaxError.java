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

    /** The error for a SnakeYAML exception; {@code fallback} when SnakeYAML marked no place. */
    static YamlSyntaxError of(MarkedYAMLException e, String file, SourcePosition fallback) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        SourcePosition atProblem = at(e.getProblemMark(), file, fallback);
        SourcePosition atContext = at(e.getContextMark(), file, atProblem);

        if (problem.startsWith("found unexpected end of stream") && context.contains("quoted scalar")) {
            return new YamlSyntaxError(atContext,
                    "引号没有成对：这里开始的引号直到文件末尾都没有结束。请在这个值的末尾补上同样的引号（\" 或 '）。");
        }
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

    /** SnakeYAML counts lines and columns from 0, in code points as {@link SourcePosition} does. */
    private static SourcePosition at(Mark mark, String file, SourcePosition fallback) {
        if (mark == null) return fallback;
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
