package jixiao.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** report.docx's XML is appended as UTF-8 as it is written: the bytes must be those String.getBytes(UTF_8) gives. */
class Utf8BuilderTest {

    private static byte[] appended(String... parts) throws IOException {
        Utf8Builder x = new Utf8Builder(4);
        for (String part : parts) x.append(part);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        x.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void bytesAreThoseOfGetBytesForAsciiCjkAndCharactersBeyondTheBmp() throws IOException {
        String[] parts = {"<w:t xml:space=\"preserve\">", "部门预算项目绩效自评表", "©±", "𠀀𝄞 text after", "", "</w:t>", "混合 mixed ≥100%"};
        assertArrayEquals(String.join("", parts).getBytes(StandardCharsets.UTF_8), appended(parts));
    }

    @Test
    void aSurrogateWithoutItsOtherHalfBecomesAQuestionMarkAsGetBytesMakesIt() throws IOException {
        String lone = "a\uD800b\uDC00c\uD834";
        assertArrayEquals(lone.getBytes(StandardCharsets.UTF_8), appended(lone));
    }

    @Test
    void growsPastItsCapacityAndStartsEmptyAfterWriting() throws IOException {
        Utf8Builder x = new Utf8Builder(1);
        String long_ = "表".repeat(10_000) + "x".repeat(10_000);
        x.append(long_).append(42);
        assertEquals(long_ + "42", x.toString());
        x.writeTo(new ByteArrayOutputStream());
        assertEquals(0, x.size());
        assertEquals("again", x.append("again").toString());
    }

    @Test
    void markupIsCopiedAsItsAsciiBytesBetweenTextThatIsEncoded() throws IOException {
        Utf8Builder x = new Utf8Builder(2);
        x.markup("<w:tc><w:tcW w:w=\"").markup(1440).markup("\"/>").append("项目名称 ≥100%").markup("</w:tc>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        x.writeTo(out);
        assertArrayEquals("<w:tc><w:tcW w:w=\"1440\"/>项目名称 ≥100%</w:tc>".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void markupThatIsNotAsciiFailsWhereAssertionsAreOn() {
        // Tests run with assertions: a caller that passes text as markup is caught here, not in a corrupt report.docx.
        assertThrows(AssertionError.class, () -> new Utf8Builder(4).markup("<w:t>表</w:t>"));
        assertThrows(AssertionError.class, () -> new Utf8Builder(4).markup("©"));
    }
}
