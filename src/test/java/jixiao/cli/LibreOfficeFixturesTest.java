package jixiao.cli;

import jixiao.testing.Builds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Makes the committed LibreOffice fixtures again from their HTML (soffice --headless --convert-to docx) and imports
 * them: what the installed LibreOffice writes today must import as the committed files do. Skipped where
 * LibreOffice is not installed (CI may not have it); {@link ImportCommandTest} always runs on the committed files.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LibreOfficeFixturesTest {

    @TempDir
    Path dir;

    private static Path soffice() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "soffice");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    @Test
    void freshLibreOfficeDocumentsImportAsTheCommittedOnes() throws IOException, InterruptedException {
        Path soffice = soffice();
        Assumptions.assumeTrue(soffice != null, "soffice (LibreOffice) is not on the PATH: skipped; "
                + "install libreoffice-writer-nogui to run it. The committed .docx fixtures are tested anyway.");
        for (String name : List.of("paper-form", "messy-forms")) {
            Files.copy(ImportCommandTest.fixture(name + ".html"), dir.resolve(name + ".html"));
        }
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir.toString(),
                dir.resolve("paper-form.html").toString(), dir.resolve("messy-forms.html").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertEquals(0, p.waitFor(), () -> read(dir.resolve("soffice.log")));
        for (String name : List.of("paper-form", "messy-forms")) {
            Path fresh = dir.resolve("fresh-" + name).resolve("content");
            Path committed = dir.resolve("committed-" + name).resolve("content");
            Builds.Run a = Builds.run("import", dir.resolve(name + ".docx").toString(), "--year", "2019", "--content", fresh.toString());
            Builds.Run b = Builds.run("import", ImportCommandTest.fixture(name + ".docx").toString(), "--year", "2019", "--content", committed.toString());
            assertEquals(0, a.exit(), a.err());
            // The two differ only in their folders' names (named in the note that no schema folder was found).
            assertEquals(b.out(), a.out().replace("fresh-" + name, "committed-" + name));
            assertEquals(Builds.tree(committed).keySet(), Builds.tree(fresh).keySet());
            Builds.tree(committed).forEach((file, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
                    new String(Builds.tree(fresh).get(file), StandardCharsets.UTF_8), file));
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
