package jixiao.content;

import jixiao.diagnostic.Finding;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The common YAML slips, one real file each under {@code yaml-syntax/}: each is said in Chinese,
 * names the fix, and points at the place to look (the opening quote, the key without its colon),
 * not where the parser gave up.
 */
class YamlSyntaxErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            unclosed-quote.yaml    => 1:7  => 引号没有成对：这里开始的引号直到文件末尾都没有结束。请在这个值的末尾补上同样的引号（" 或 '）。
            quote-runs-on.yaml     => 2:20 => 引号没有成对：这里开始的引号在本行没有结束，后面几行都被当成了这个值。请在这个值的末尾补上同样的引号（" 或 '）。
            colon-in-value.yaml    => 3:15 => 这里的“: ”不能出现：值里含有冒号加空格时，请给整个值加引号（如 "目标: 100%"）；如果它本是下一层的键，请检查这一行和上一行的缩进。
            key-without-colon.yaml => 2:1  => 这一行缺少“: ”：键和值之间要写英文冒号加一个空格，例如 name: 劳动监察专项资金。如果它是上一行的续行，请给上一行的值加引号或改用“|”块。
            tab-indent.yaml        => 3:1  => 这里有制表符（Tab）：YAML 只能用空格缩进。请把 Tab 换成空格。
            uneven-indent.yaml     => 4:2  => 缩进不一致：这一行与同一层的其他行没有对齐。同一层的键或列表项要从同一列开始，只用空格缩进。
            unclosed-brace.yaml    => 3:12 => 花括号没有成对：从这里开始的“{”缺少对应的“}”，或元素之间缺少逗号。
            unclosed-bracket.yaml  => 2:11 => 方括号没有成对：从这里开始的“[”缺少对应的“]”，或元素之间缺少逗号。
            text-after-quote.yaml  => 1:14 => 这里多出了文字：一个值（例如结尾的引号）之后不能再接内容。请把整个值放进一对引号里。
            at-sign-start.yaml     => 1:7  => 值不能以“@”开头：请给整个值加引号，例如 "@……"。
            bad-escape.yaml        => 1:10 => 双引号里的“\\p”不是有效的转义：要写反斜杠本身请写成 \\\\，或改用单引号。
            list-and-mapping.yaml  => 2:1  => 列表项（- 开头）和“键: 值”混在了同一层：请检查这一行的缩进。
            """)
    void commonSlipIsExplainedInChineseWhereTheEditorMustLook(String file, String at, String message) throws IOException {
        List<Finding> findings = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(ContentFixture.resource("yaml-syntax/" + file));
        new YamlReader().read(bytes, file, findings::add);
        assertEquals(List.of(file + ":" + at + ": error[yaml-syntax]: " + message),
                findings.stream().map(Finding::toCompilerLine).toList());
    }
}
