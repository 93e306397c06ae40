package jixiao.compare;

/**
 * Which edition a comparison is built for. The public edition compares what the public site
 * shows at each side: drafts are absent (a final project that became a draft is removed, a draft
 * that became final is added), and changes to private fields are left out of the model entirely.
 */
public enum Edition {
    PUBLIC("public", "公开版"),
    INTERNAL("internal", "内部版");

    private final String key;
    private final String label;

    Edition(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable English word used in JSON and on the command line. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
