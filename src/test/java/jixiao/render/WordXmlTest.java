package jixiao.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The runs of report.docx: Word keeps a text's spaces only when told to, and only such texts are told. */
class WordXmlTest {

    private static String run(String text) throws IOException {
        Utf8Builder x = new Utf8Builder(16);
        WordXml.run(x, text, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        x.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTextWithoutSpacesIsWrittenPlain() throws IOException {
        assertEquals("<w:r><w:t>部门预算项目绩效自评表</w:t></w:r>", run("部门预算项目绩效自评表"));
    }

    @Test
    void aTextWithASpaceOfAnyKindKeepsItsSpaces() throws IOException {
        assertEquals("<w:r><w:t xml:space=\"preserve\"> 前导空格</w:t></w:r>", run(" 前导空格"));
        assertEquals("<w:r><w:t xml:space=\"preserve\">全角\u3000空格</w:t></w:r>", run("全角\u3000空格"));
        assertEquals("<w:r><w:t xml:space=\"preserve\">100\u00A0万元</w:t></w:r>", run("100\u00A0万元"));
    }

    @Test
    void aTabSplitsTheTextAndEachPartIsJudgedOnItsOwn() throws IOException {
        assertEquals("<w:r><w:t>甲</w:t><w:tab/><w:t xml:space=\"preserve\">乙 丙</w:t></w:r>", run("甲\t乙 丙"));
    }

    @Test
    void theQuickSpaceTestAgreesWithTheJdkOnEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            boolean jdk = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (WordXml.isSpace((char) c) != jdk) fail(String.format("U+%04X: the JDK says %s", c, jdk));
        }
    }
}
