package jixiao.diagnostic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VisibleTest {

    @Test
    void charactersThatCannotBeSeenAreWrittenOutAndTheRestIsKept() {
        assertEquals("劳动<U+202E>监察<U+200B>大队<U+000A>::error::x<U+000D><U+2028><U+0000>",
                Visible.escape("劳动\u202E监察\u200B大队\n::error::x\r\u2028\u0000"));
        assertEquals("a\tb", Visible.escape("a\tb"), "a tab shows as white space");
        assertEquals("𠀋<U+D800>x", Visible.escape("\uD840\uDC0B\uD800x"), "a pair is a character, a lone surrogate is not");
    }

    @Test
    void textWithoutSuchCharactersIsReturnedAsItIs() {
        String text = "被征地农民社会保障费（≥100%）";
        assertSame(text, Visible.escape(text));
    }

    @Test
    void aFindingShowsItsMessageAndPathEscaped() {
        Finding f = Finding.error("bad-id", SourcePosition.ofFile("content/2020/a\n::b.yaml"), "“a\n::b”\u202E");
        assertEquals("content/2020/a<U+000A>::b.yaml: error[bad-id]: “a<U+000A>::b”<U+202E>", f.toCompilerLine());
    }
}
