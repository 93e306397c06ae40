package jixiao.site;

import jixiao.content.Project;
import jixiao.content.Site;

/**
 * The two sites a build writes. The internal edition is for the department and its reviewers:
 * everything, with every finding beside what it is about. The public edition is for the
 * government portal: no drafts, no findings, no internal notes, and contacts only when
 * site.yaml's {@code public.show_contacts} allows them.
 */
public enum Edition {
    INTERNAL("internal", "内部版"),
    PUBLIC("public", "公开版");

    private final String folder;
    private final String label;

    Edition(String folder, String label) {
        this.folder = folder;
        this.label = label;
    }

    /** The folder under the output folder: {@code internal} or {@code public}. */
    public String folder() {
        return folder;
    }

    public String label() {
        return label;
    }

    public boolean includes(Project project) {
        return this == INTERNAL || !project.isDraft();
    }

    public boolean showsFindings() {
        return this == INTERNAL;
    }

    public boolean showsInternalNotes() {
        return this == INTERNAL;
    }

    public boolean showsContacts(Site site) {
        return this == INTERNAL || site.showContacts();
    }
}
