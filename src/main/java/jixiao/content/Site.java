package jixiao.content;

/**
 * site.yaml.
 *
 * @param rules the {@code rules:} value: a profile name such as {@code cn-2020}, or a map in the
 *              profile structure; interpreted by {@code jixiao.score.RulesProfile}
 */
public record Site(
        String title,
        String organisation,
        String baseUrl,
        String moneyUnit,
        YamlNode rules,
        boolean showContacts,
        SourceMap sources) {
}
