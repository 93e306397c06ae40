package jixiao.browser;

import jixiao.testing.Builds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2020 report of content/ printed by Chromium to A4 and read back with PDFBox: at most 36 pages,
 * every page after the cover numbered “第 N 页 共 M 页” under the running title, and each form of
 * 附件2 on a page of its own (headed 附件2, 部门预算项目绩效自评表, （2020年度）).
 * With {@code -Djixiao.screenshots=DIR} the PDF is kept there as report-2020.pdf.
 */
@Tag("browser")
class PrintedReportBrowserTest {

    static final int MAX_PAGES = 36;

    @TempDir
    static Path work;
    static ChromeDriver driver;
    static StaticServer server;
    static List<String> pages;
    static int forms;

    @BeforeAll
    static void print() throws IOException {
        Chromium.assumeAvailable("PrintedReportBrowserTest");
        Path out = work.resolve("out");
        Builds.build(Builds.realContent(), out);
        String html = Files.readString(out.resolve("public/2020/report.html"));
        forms = html.split("<section class=\"form\"", -1).length - 1;
        server = new StaticServer(out.resolve("public"));
        driver = Chromium.start(work.resolve("profile"));
        driver.get(server.url("2020/report.html"));
        byte[] pdf = Chromium.printToPdf(driver);
        String keep = System.getProperty("jixiao.screenshots");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, "report-2020.pdf"), pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle a4 = PDRectangle.A4;
            pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                PDRectangle box = doc.getPage(i - 1).getMediaBox();
                assertEquals(a4.getWidth(), box.getWidth(), 2, "page " + i + " width");
                assertEquals(a4.getHeight(), box.getHeight(), 2, "page " + i + " height");
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(doc));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void theReportPrintsOnAtMost36A4Pages() {
        assertTrue(pages.size() <= MAX_PAGES, pages.size() + " pages");
        assertTrue(forms >= 20, "the 2020 report has its forms: " + forms);
    }

    @Test
    void everyPageAfterTheCoverHasItsNumberAndTheRunningTitle() {
        int total = pages.size();
        for (int i = 2; i <= total; i++) {
            String text = pages.get(i - 1);
            assertTrue(text.contains("第 " + i + " 页 共 " + total + " 页"), "page " + i + ":\n" + text);
            assertTrue(text.contains("人社局2020年度财政专项资金绩效自评报告（2020年度）"), "running title on page " + i);
        }
        assertTrue(pages.get(0).contains("人社局2020年度财政专项资金绩效自评报告"), "the cover: " + pages.get(0));
        assertTrue(pages.get(1).contains("目录"), "the contents follow the cover: " + pages.get(1));
    }

    @Test
    void eachFormStartsOnAPageOfItsOwnHeadedAsOnPaper() {
        Pattern annex = Pattern.compile("(?m)^附件2\\s*$");
        int formPages = 0;
        for (int i = 0; i < pages.size(); i++) {
            Matcher m = annex.matcher(pages.get(i));
            int n = 0;
            while (m.find()) n++;
            assertTrue(n <= 1, "page " + (i + 1) + " starts " + n + " forms");
            if (n == 1) {
                formPages++;
                String text = pages.get(i);
                assertTrue(text.indexOf("部门预算项目绩效自评表") > text.indexOf("附件2"), "page " + (i + 1) + ": " + text);
                assertTrue(text.contains("（2020年度）"), "page " + (i + 1));
                assertTrue(text.contains("一、基本情况"), "the form begins on page " + (i + 1));
            }
        }
        assertEquals(forms, formPages, "pages that begin a form");
    }

    @Test
    void annex1FollowsTheNarrative() {
        String all = String.join("\f", pages);
        int annex1 = all.indexOf("2020年部门绩效自评情况统计表\n");
        assertTrue(annex1 > 0, "附件1 is printed");
        assertTrue(all.indexOf("项目汇总表", annex1) > annex1, "with the summary of projects");
        assertTrue(all.indexOf("\n附件2", annex1) > annex1, "before 附件2");
    }
}
