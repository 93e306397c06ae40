package jixiao.compare;

/** Who may see a change to a field. */
public enum Visibility {
    /** Shown in every edition. */
    PUBLIC,
    /** 填报人 and 联系电话: personal data, in the public edition only when site.yaml sets {@code public.show_contacts}. */
    CONTACT,
    /** Reviewers' notes and draft status: never in the public edition. */
    INTERNAL
}
