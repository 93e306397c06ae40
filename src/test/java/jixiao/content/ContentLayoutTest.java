package jixiao.content;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentLayoutTest {

    @Test
    void aProjectFileMapsToItsYearUnitAndIdAndBack() {
        ContentLayout.ProjectPath p = ContentLayout.projectFile("2020/labor/fund.yaml").orElseThrow();
        assertEquals(new ContentLayout.ProjectPath(2020, "labor", "fund"), p);
        assertEquals("2020/labor/fund.yaml", p.file());
        assertEquals("2020/labor/fund.md", p.narrative());
    }

    @Test
    void aNarrativeMapsToTheProjectItWouldBelongTo() {
        assertEquals(Optional.of(new ContentLayout.ProjectPath(2020, "labor", "fund")), ContentLayout.projectNarrative("2020/labor/fund.md"));
        assertEquals(Optional.empty(), ContentLayout.projectNarrative("2020/labor/unit.md"));
        assertEquals(Optional.empty(), ContentLayout.projectNarrative("2020/labor/fund.yaml"));
    }

    @Test
    void theYearsAndUnitsOwnFilesAndMisplacedFilesAreNoProject() {
        for (String path : new String[] {"site.yaml", "2020/report.yaml", "2020/labor/unit.yaml", "2020/labor/sub/fund.yaml",
                "20x0/labor/fund.yaml", "2020/Labor/fund.yaml", "2020/labor/fund.yml", "2020/labor/", "2020//fund.yaml"}) {
            assertEquals(Optional.empty(), ContentLayout.projectFile(path), path);
        }
    }

    @Test
    void theFilesOfYearsAndUnitsAreWhereTheLoaderLooksForThem() {
        assertEquals("2021/report.yaml", ContentLayout.reportFile(2021));
        assertEquals("2021/labor/unit.yaml", ContentLayout.unitFile(2021, "labor"));
        assertEquals("2021/labor/fund.yaml", ContentLayout.projectFile(2021, "labor", "fund"));
    }

    @Test
    void idsAreLowerCaseLettersDigitsAndHyphensAndSomeAreKeptFromProjects() {
        assertTrue(ContentLayout.isId("a-1"));
        assertFalse(ContentLayout.isId("-a"));
        assertFalse(ContentLayout.isId("a".repeat(65)));
        assertFalse(ContentLayout.isId("../x"));
        for (String reserved : new String[] {"site", "unit", "report"}) assertTrue(ContentLayout.isReservedProjectId(reserved));
        assertFalse(ContentLayout.isReservedProjectId("fund"));
    }
}
