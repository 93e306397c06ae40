package jixiao.render;

import jixiao.score.Rounding;

import java.math.BigDecimal;
import java.util.List;

/**
 * Small charts drawn at build time as inline SVG: horizontal bars with a label and the value as
 * text, so the chart reads without colour. Each chart has a {@code <title>} and {@code <desc>}
 * (referenced by {@code aria-labelledby}); the page puts a table with the same figures next to it.
 * The charts are inline only and take their colours from site.css, and so do a trend's text anchors.
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
    private static final int MAX_LABEL_CHARS = 17;
    private static final int LINE = 16;

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
        // Room right of the bars for the longest value text (19 个（核算 20 个） is wider than 100.00%).
        int valueSpace = VALUE_SPACE;
        for (Bar b : bars) valueSpace = Math.max(valueSpace, textWidth(b.text()) + 10);
        int plot = WIDTH - LABEL - valueSpace;
        int fullX = full == null ? 0 : scale(full, max, plot);
        // Full names, wrapped: two long names that begin alike (提前下达2020…) must stay told apart.
        List<List<String>> labels = bars.stream().map(b -> wrap(b.label())).toList();
        int height = 8;
        for (List<String> l : labels) height += rowHeight(l);
        height = Math.max(height, ROW + 8);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Svg.escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Svg.escape(desc)).append("</desc>\n");
        int y = 4;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            List<String> lines = labels.get(i);
            int rowHeight = rowHeight(lines);
            int barY = y + (rowHeight - 8 - BAR) / 2;
            int length = b.value() == null ? 0 : scale(b.value(), max, plot);
            svg.append("<g class=\"row\">");
            svg.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + BAR - 3)
                    .append("\" text-anchor=\"end\">");
            for (int n = 0; n < lines.size(); n++) {
                svg.append("<tspan x=\"").append(LABEL - 8).append("\"");
                if (n > 0) svg.append(" dy=\"").append(LINE).append('"');
                svg.append('>').append(Svg.escape(lines.get(n))).append("</tspan>");
            }
            svg.append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(LABEL).append("\" y=\"").append(barY)
                    .append("\" width=\"").append(length).append("\" height=\"").append(BAR).append("\"/>");
            // Right of the bar and of the 100% line, so that the line never crosses a value.
            svg.append("<text class=\"value\" x=\"").append(LABEL + Math.max(length, fullX) + 6).append("\" y=\"").append(barY + BAR - 3)
                    .append("\">").append(Svg.escape(b.text())).append("</text>");
            svg.append("</g>\n");
            y += rowHeight;
        }
        if (full != null) {
            int x = LABEL + fullX;
            svg.append("<line class=\"full\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"").append(height)
                    .append("\"/>\n");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    private static int rowHeight(List<String> lines) {
        return Math.max(ROW, lines.size() * LINE + 8);
    }

    /** A label in lines of at most {@link #MAX_LABEL_CHARS} characters, every character kept. */
    static List<String> wrap(String label) {
        List<String> lines = new java.util.ArrayList<>();
        int[] cps = label.codePoints().toArray();
        for (int i = 0; i < cps.length; i += MAX_LABEL_CHARS) {
            lines.add(new String(cps, i, Math.min(MAX_LABEL_CHARS, cps.length - i)));
        }
        if (lines.isEmpty()) lines.add("");
        return lines;
    }

    /** One year of a trend: its label, the execution rate in percent and the computed total (either may be null). */
    public record Point(String label, BigDecimal rate, BigDecimal score) {
    }

    private static final int TREND_WIDTH = 480;
    private static final int TREND_HEIGHT = 220;
    private static final int TREND_LEFT = 44;
    private static final int TREND_RIGHT = 30;
    private static final int TREND_TOP = 44;
    private static final int TREND_BOTTOM = 34;

    /**
     * A small line chart of a project through the years: the execution rate (solid line, round
     * markers) and the computed total (dashed line, square markers) on one scale, each point
     * labelled with its value (the higher of a year's two values above its point, the lower below).
     * The scale runs from a multiple of ten below the lowest value (0 at most ten under it) to 100,
     * or higher when a rate exceeds it, so that years close together stay apart; its ends are
     * labelled. A missing value (a rate over a zero budget) breaks its line.
     *
     * @param id an id prefix unique on the page
     */
    public static Svg trend(String id, String title, String desc, List<Point> points) {
        BigDecimal hi = BigDecimal.valueOf(100);
        BigDecimal lo = hi;
        for (Point p : points) {
            for (BigDecimal v : new BigDecimal[]{p.rate(), p.score()}) {
                if (v == null) continue;
                if (v.compareTo(hi) > 0) hi = v;
                if (v.compareTo(lo) < 0) lo = v;
            }
        }
        hi = Rounding.upToMultiple(hi, TEN);
        lo = Rounding.downToMultiple(lo.subtract(BigDecimal.valueOf(5)), TEN).max(BigDecimal.ZERO);
        if (lo.compareTo(hi) >= 0) lo = hi.subtract(TEN);
        int plotHeight = TREND_HEIGHT - TREND_TOP - TREND_BOTTOM;
        int plotWidth = TREND_WIDTH - TREND_LEFT - TREND_RIGHT;
        int n = points.size();
        int[] xs = new int[n];
        int inset = 36; // room for a value's text beside the first and last point
        for (int i = 0; i < n; i++) xs[i] = TREND_LEFT + (n == 1 ? plotWidth / 2 : inset + (plotWidth - 2 * inset) * i / (n - 1));
        Axis axis = new Axis(lo, hi, TREND_TOP + plotHeight, plotHeight);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(TREND_WIDTH).append(' ')
                .append(TREND_HEIGHT).append("\" width=\"").append(TREND_WIDTH).append("\" height=\"").append(TREND_HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Svg.escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Svg.escape(desc)).append("</desc>\n");
        svg.append("<g class=\"legend\"><line class=\"rate\" x1=\"").append(TREND_LEFT).append("\" y1=\"12\" x2=\"").append(TREND_LEFT + 24)
                .append("\" y2=\"12\"/><circle class=\"rate\" cx=\"").append(TREND_LEFT + 12).append("\" cy=\"12\" r=\"3.5\"/>")
                .append("<text x=\"").append(TREND_LEFT + 30).append("\" y=\"16\">预算执行率</text>")
                .append("<line class=\"score\" x1=\"").append(TREND_LEFT + 130).append("\" y1=\"12\" x2=\"").append(TREND_LEFT + 154)
                .append("\" y2=\"12\"/><rect class=\"score\" x=\"").append(TREND_LEFT + 139).append("\" y=\"9\" width=\"6\" height=\"6\"/>")
                .append("<text x=\"").append(TREND_LEFT + 160).append("\" y=\"16\">核算总分</text></g>\n");
        for (BigDecimal tick : new BigDecimal[]{lo, hi}) {
            int y = axis.y(tick);
            svg.append("<line class=\"grid\" x1=\"").append(TREND_LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(TREND_WIDTH - TREND_RIGHT + 10).append("\" y2=\"").append(y).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(TREND_LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\">").append(tick.toPlainString()).append("</text>\n");
        }
        for (int i = 0; i < n; i++) {
            svg.append("<text class=\"year\" x=\"").append(xs[i]).append("\" y=\"").append(TREND_HEIGHT - 10)
                    .append("\">").append(Svg.escape(points.get(i).label())).append("</text>\n");
        }
        line(svg, "rate", points.stream().map(Point::rate).toList(), xs, axis);
        line(svg, "score", points.stream().map(Point::score).toList(), xs, axis);
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            boolean rateAbove = p.score() == null || (p.rate() != null && p.rate().compareTo(p.score()) >= 0);
            marker(svg, "rate", p.rate(), "%", xs[i], axis, rateAbove);
            marker(svg, "score", p.score(), "", xs[i], axis, !rateAbove);
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    private static final BigDecimal TEN = BigDecimal.TEN;

    /** The vertical scale of a trend: {@code lo} at {@code bottom}, {@code hi} {@code height} above it. */
    private record Axis(BigDecimal lo, BigDecimal hi, int bottom, int height) {
        int y(BigDecimal v) {
            return bottom - scale(v.subtract(lo), hi.subtract(lo), height);
        }
    }

    private static void line(StringBuilder svg, String kind, List<BigDecimal> values, int[] xs, Axis axis) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            path.append(pen ? " L" : (path.length() > 0 ? " M" : "M")).append(xs[i]).append(' ').append(axis.y(v));
            pen = true;
        }
        if (path.length() > 0) svg.append("<path class=\"").append(kind).append("\" d=\"").append(path).append("\"/>\n");
    }

    private static void marker(StringBuilder svg, String kind, BigDecimal v, String suffix, int x, Axis axis, boolean above) {
        if (v == null) return;
        int y = axis.y(v);
        if (kind.equals("rate")) {
            svg.append("<circle class=\"rate\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3.5\"/>");
        } else {
            svg.append("<rect class=\"score\" x=\"").append(x - 3).append("\" y=\"").append(y - 3).append("\" width=\"6\" height=\"6\"/>");
        }
        svg.append("<text class=\"value ").append(kind).append("\" x=\"").append(x).append("\" y=\"").append(above ? y - 8 : y + 17)
                .append("\">").append(Svg.escape(Rounding.halfUp2(v).toPlainString() + suffix))
                .append("</text>\n");
    }

    /** A text's width at 13px, from above: 13 for a CJK character or full-width sign, 8 for any other. */
    static int textWidth(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 13 : 8).sum();
    }

    private static int scale(BigDecimal value, BigDecimal max, int plot) {
        return Rounding.pixels(value.max(BigDecimal.ZERO), max, plot);
    }

}
