package jixiao.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Small charts drawn at build time as inline SVG: horizontal bars with a label and the value as
 * text, so the chart reads without colour. Each chart has a {@code <title>} and {@code <desc>}
 * (referenced by {@code aria-labelledby}); the page puts a table with the same figures next to it.
 */
public final class Charts {

    /** One bar: its label, its length as a share of the scale, and the value as text. */
    public record Bar(String label, BigDecimal value, String text) {
    }

    private static final int WIDTH = 640;
    private static final int LABEL = 250;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final int VALUE_SPACE = 70;
    private static final int MAX_LABEL_CHARS = 16;

    private Charts() {
    }

    /**
     * Horizontal bars. The scale runs from 0 to the larger of {@code full} and the largest value;
     * a dashed line marks {@code full} (100% for execution rates) when it is given.
     *
     * @param id an id prefix unique on the page
     */
    public static Svg bars(String id, String title, String desc, List<Bar> bars, BigDecimal full) {
        BigDecimal max = full == null ? BigDecimal.ZERO : full;
        for (Bar b : bars) if (b.value() != null && b.value().compareTo(max) > 0) max = b.value();
        if (max.signum() == 0) max = BigDecimal.ONE;
        int plot = WIDTH - LABEL - VALUE_SPACE;
        int height = Math.max(1, bars.size()) * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Svg.escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Svg.escape(desc)).append("</desc>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            int length = b.value() == null ? 0 : scale(b.value(), max, plot);
            svg.append("<g class=\"row\">");
            svg.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + BAR - 3)
                    .append("\" text-anchor=\"end\">").append(Svg.escape(shorten(b.label()))).append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(LABEL).append("\" y=\"").append(y)
                    .append("\" width=\"").append(length).append("\" height=\"").append(BAR).append("\"/>");
            svg.append("<text class=\"value\" x=\"").append(LABEL + length + 6).append("\" y=\"").append(y + BAR - 3)
                    .append("\">").append(Svg.escape(b.text())).append("</text>");
            svg.append("</g>\n");
        }
        if (full != null) {
            int x = LABEL + scale(full, max, plot);
            svg.append("<line class=\"full\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"").append(height)
                    .append("\"/>\n");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    private static int scale(BigDecimal value, BigDecimal max, int plot) {
        return value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValueExact();
    }

    private static String shorten(String label) {
        int n = label.codePointCount(0, label.length());
        if (n <= MAX_LABEL_CHARS) return label;
        return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
    }
}
