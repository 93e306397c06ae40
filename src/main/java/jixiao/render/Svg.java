package jixiao.render;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * SVG markup built by {@link Charts}, every text in it escaped. Only {@link Charts} can make one,
 * so a template may print it as markup ({@code ${chart}}) without {@code $unsafe}.
 */
public final class Svg implements Content {

    private final String markup;

    Svg(String markup) {
        this.markup = markup;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(markup);
    }

    public String markup() {
        return markup;
    }

    /** Text for an SVG element or attribute: {@code & < > " '} escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
