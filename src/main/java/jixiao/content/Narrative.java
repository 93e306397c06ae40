package jixiao.content;

/** A Markdown narrative and where it came from, so that references in it can be reported at their line. */
public record Narrative(String markdown, String file) {
}
