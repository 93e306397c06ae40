package jixiao.render;

import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code <div class="table-wrap">} around a GFM table, so that a wide 自评表 scrolls sideways
 * on a phone instead of widening the page. A node of its own rather than a replacement for
 * the tables extension's renderer, so the table itself is still rendered by the extension.
 */
final class TableWrap extends CustomBlock {

    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(TableWrap.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.line();
            // Focusable and named, so that a keyboard can scroll it (WCAG 2.1.1; axe: scrollable-region-focusable).
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("class", "table-wrap");
            attrs.put("tabindex", "0");
            attrs.put("role", "region");
            attrs.put("aria-label", "表格");
            html.tag("div", attrs);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/div");
            html.line();
        }
    }
}
