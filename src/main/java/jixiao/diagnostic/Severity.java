package jixiao.diagnostic;

/** How bad a finding is. Errors stop a build; warnings stop it only with --strict. */
public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case English word used in compiler-style output and JSON. */
    public String label() {
        return label;
    }
}
