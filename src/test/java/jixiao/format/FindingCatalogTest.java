package jixiao.format;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jixiao.testing.FindingCodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * src/main/resources/jixiao/findings/findings.yaml describes exactly the codes the checks report, each
 * at the severity they report it with, and docs/findings.md is what it gives. Run with
 * {@code -Djixiao.updateGolden=true} to regenerate docs/findings.md after changing the catalog.
 */
class FindingCatalogTest {

    private static final Path DOC = Path.of(FindingReference.DOC_PATH);
    private static final String REGENERATE = "mvn -q -B -o test -Dtest=FindingCatalogTest -Djixiao.updateGolden=true";
    private static final Pattern YAML_EXAMPLE = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    private static Set<String> catalogued() {
        Set<String> codes = new TreeSet<>();
        FindingCatalog.builtIn().rules().forEach(r -> codes.add(r.code()));
        return codes;
    }

    @Test
    void everyCodeTheChecksReportIsDescribed() {
        Set<String> missing = new TreeSet<>(FindingCodes.reported());
        missing.removeAll(catalogued());
        assertEquals(Set.of(), missing, "codes the checks report without an entry in " + FindingCatalog.RESOURCE
                + ": add each with severity, short, full and help, then run " + REGENERATE);
    }

    @Test
    void everyDescribedCodeIsOneTheChecksReport() {
        Set<String> extra = catalogued();
        extra.removeAll(FindingCodes.reported());
        assertEquals(Set.of(), extra, "entries in " + FindingCatalog.RESOURCE + " for codes no check reports (renamed or removed?)");
    }

    @Test
    void eachCodeIsDescribedAtTheSeverityItsChecksReportItWith() {
        Map<String, Set<String>> reported = FindingCodes.reportedWithSeverities();
        List<String> wrong = new ArrayList<>();
        for (FindingCatalog.Rule rule : FindingCatalog.builtIn().rules()) {
            Set<String> severities = reported.getOrDefault(rule.code(), Set.of());
            // A code reported only through a factory chosen at run time (total-not-computable) names no severity in the source.
            if (!severities.isEmpty() && !severities.contains(rule.severity().label())) {
                wrong.add(rule.code() + ": catalog says " + rule.severity().label() + ", the checks report " + severities);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void docsFindingsMdIsWhatTheCatalogGives() throws IOException {
        String expected = FindingReference.markdown(FindingCatalog.builtIn());
        if (Boolean.getBoolean("jixiao.updateGolden")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, DOC + " is not what " + FindingCatalog.RESOURCE
                + " gives; it is generated, do not edit it by hand. Regenerate it with: " + REGENERATE + " (and review the diff)");
    }

    @Test
    void everyCodeHasItsOwnHeadingSoThatHelpUriFindsIt() {
        String doc = FindingReference.markdown(FindingCatalog.builtIn());
        for (FindingCatalog.Rule rule : FindingCatalog.builtIn().rules()) {
            assertEquals(1, doc.lines().filter(l -> l.equals("### " + rule.code())).count(), rule.code());
            assertEquals(FindingFormats.INFORMATION_URI + "/blob/main/docs/findings.md#" + rule.code(), FindingReference.helpUri(rule.code()));
        }
    }

    /** GitHub code scanning shows at most 1024 characters of each description; the short one is a title. */
    @Test
    void descriptionsFitWhereTheyAreShown() {
        for (FindingCatalog.Rule rule : FindingCatalog.builtIn().rules()) {
            assertTrue(!rule.shortDescription().contains("\n") && rule.shortDescription().length() <= 60,
                    rule.code() + ": the short description is one line of at most 60 characters: " + rule.shortDescription());
            assertTrue(rule.fullDescription().length() <= 1024, rule.code() + ": full description over 1024 characters");
            assertTrue(rule.help().length() <= 1024, rule.code() + ": help over 1024 characters");
        }
    }

    @Test
    void everyYamlExampleInTheHelpIsValidYaml() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        int examples = 0;
        for (FindingCatalog.Rule rule : FindingCatalog.builtIn().rules()) {
            Matcher m = YAML_EXAMPLE.matcher(rule.help());
            while (m.find()) {
                examples++;
                try {
                    yaml.readTree(m.group(1));
                } catch (IOException e) {
                    throw new AssertionError(rule.code() + ": its YAML example does not parse: " + e.getMessage(), e);
                }
            }
        }
        assertTrue(examples >= 20, "the help shows YAML examples: " + examples);
    }

    @Test
    void helpTextForSarifHasNoMarkdownFencesAndAbsoluteLinks() {
        FindingCatalog.Rule unknownKey = FindingCatalog.builtIn().rule("unknown-key").orElseThrow();
        String text = FindingReference.helpText(unknownKey);
        assertTrue(text.contains("内容格式（https://github.com/jixiao/jixiao/blob/main/docs/content-format.md）"), text);
        assertTrue(text.endsWith("说明：https://github.com/jixiao/jixiao/blob/main/docs/findings.md#unknown-key"), text);
        String markdown = FindingReference.helpMarkdown(FindingCatalog.builtIn().rule("yaml-syntax").orElseThrow());
        assertTrue(markdown.contains("```yaml\n"), markdown);
        assertTrue(!FindingReference.helpText(FindingCatalog.builtIn().rule("yaml-syntax").orElseThrow()).contains("```"));
    }
}
