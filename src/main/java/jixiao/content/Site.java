package jixiao.content;

/**
 * site.yaml.
 *
 * @param rules the {@code rules:} value: a profile name such as {@code cn-2020}, or a map in the
 *              profile structure; interpreted by {@code jixiao.score.RulesProfile}
 * @param publisher the {@code publisher:} block, {@link Publisher#NONE} when absent
 */
public record Site(
        String title,
        String organisation,
        String baseUrl,
        String moneyUnit,
        YamlNode rules,
        boolean showContacts,
        Publisher publisher,
        SourceMap sources) {

    /** A site without a publisher block. */
    public Site(String title, String organisation, String baseUrl, String moneyUnit, YamlNode rules, boolean showContacts,
                SourceMap sources) {
        this(title, organisation, baseUrl, moneyUnit, rules, showContacts, Publisher.NONE, sources);
    }
}
