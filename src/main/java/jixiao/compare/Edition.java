package jixiao.compare;

import jixiao.content.Project;
import jixiao.content.Site;

/**
 * The two audiences content is shown to, and what each may see. The internal edition is for the
 * department and its reviewers: everything, drafts included, with every finding beside what it
 * is about. The public edition is for the government portal: no drafts, no findings, no internal
 * notes, and contacts only when site.yaml's {@code public.show_contacts} allows them.
 *
 * <p>One type for the build (one site per edition) and for comparisons: a public comparison
 * compares what the public site shows at each side, so drafts are absent (a final project that
 * became a draft is removed, a draft that became final is added) and changes to private fields
 * are left out of the model entirely. It lives here, the lowest stage that needs it, because the
 * site model holds comparisons and so depends on this package.
 */
public enum Edition {
    INTERNAL("internal", "内部版"),
    PUBLIC("public", "公开版");

    private final String key;
    private final String label;

    Edition(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable English word used in JSON, on the command line and as the edition's output folder. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean includes(Project project) {
        return this == INTERNAL || !project.isDraft();
    }

    /** Whether a field with this visibility is shown, given site.yaml's {@code public.show_contacts}. */
    public boolean shows(Visibility visibility, boolean showContacts) {
        return switch (visibility) {
            case PUBLIC -> true;
            case CONTACT -> this == INTERNAL || showContacts;
            case INTERNAL -> this == INTERNAL;
        };
    }

    public boolean showsFindings() {
        return this == INTERNAL;
    }

    public boolean showsInternalNotes() {
        return shows(Visibility.INTERNAL, false);
    }

    public boolean showsContacts(Site site) {
        return shows(Visibility.CONTACT, site.showContacts());
    }
}
