package jixiao.narrative;

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

        // Read only what a reference can hold, and not much of it: a line of 100,000 "{{"
        // then costs a character or two each, not a scan to the end of the line.
        StringBuilder inside = new StringBuilder();
        while (inside.length() <= ReferenceSyntax.MAX_INSIDE && isReferenceChar(scanner.peek())) {
            inside.append(scanner.peek());
            scanner.next();
        }
        if (scanner.next("}}")) {
            Matcher m = ReferenceSyntax.INSIDE.matcher(inside);
            if (m.matches()) {
                return ParsedInline.of(ReferenceNode.wellFormed(m.group(1), m.group(2), "{{" + inside + "}}"), scanner.position());
            }
        }
        scanner.setPosition(afterOpen);
        String text = "{{" + excerpt(scanner);
        // Consume only the "{{": the rest is ordinary text (and may hold a good reference).
        return ParsedInline.of(ReferenceNode.malformed(text), afterOpen);
    }

    /** What the error quotes: up to the closing braces when they are near, else the start of the rest of the line. */
    private static String excerpt(Scanner scanner) {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (scanner.next("}}")) return text.append("}}").toString();
            char c = scanner.peek();
            if (c == Scanner.END || c == '\n') return text.toString().stripTrailing();
            if (text.length() == ReferenceSyntax.EXCERPT) return text.append('…').toString();
            text.append(c);
            scanner.next();
        }
    }

    private static boolean isReferenceChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ' ' || c == '\t';
    }
}
