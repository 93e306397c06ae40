package jixiao.render;

import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Set;
import java.util.regex.Matcher;

/** Reads {@code {{ scope.figure }}} as a {@link ReferenceNode}; stateless, so one instance serves every parse. */
final class ReferenceParser implements InlineContentParser, InlineContentParserFactory {

    @Override
    public Set<Character> getTriggerCharacters() {
        return Set.of('{');
    }

    @Override
    public InlineContentParser create() {
        return this;
    }

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        if (!scanner.next("{{")) return ParsedInline.none();
        Position afterOpen = scanner.position();

        // Look for "}}" on this line only, and not far: references never span lines.
        StringBuilder inside = new StringBuilder();
        boolean closed = false;
        while (inside.length() <= ReferenceSyntax.MAX_INSIDE) {
            char c = scanner.peek();
            if (c == Scanner.END || c == '\n') break;
            scanner.next();
            if (c == '}' && scanner.peek() == '}') {
                scanner.next();
                closed = true;
                break;
            }
            inside.append(c);
        }

        if (closed) {
            Matcher m = ReferenceSyntax.INSIDE.matcher(inside);
            if (m.matches()) {
                return ParsedInline.of(ReferenceNode.wellFormed(m.group(1), m.group(2), "{{" + inside + "}}"), scanner.position());
            }
        }
        String text = closed ? "{{" + inside + "}}" : "{{" + excerpt(inside);
        // Consume only the "{{": the rest is ordinary text (and may hold a good reference).
        return ParsedInline.of(ReferenceNode.malformed(text), afterOpen);
    }

    private static String excerpt(CharSequence rest) {
        String s = rest.toString().stripTrailing();
        return s.length() <= ReferenceSyntax.EXCERPT ? s : s.substring(0, ReferenceSyntax.EXCERPT) + "…";
    }
}
