package jixiao.content;

/** Drafts never reach the public edition. */
public enum Status {
    FINAL, DRAFT
}
