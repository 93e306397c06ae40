package jixiao.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** serve compiles a templates folder again only when its fingerprint is one it has not compiled yet. */
class LookTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderPutBackAsItWasHasItsFingerprintAgainAndAnEditorsSwapFileChangesNothing() throws IOException {
        Path home = tmp.resolve("home.jte");
        Files.writeString(home, "<p>首页</p>");
        Files.writeString(tmp.resolve("site.css"), "body {}");
        String before = Look.fingerprint(tmp);

        Files.writeString(home, "<p>首页</p>@if(");
        String broken = Look.fingerprint(tmp);
        Files.writeString(tmp.resolve(".home.jte.swp"), "swap");
        Files.writeString(home, "<p>首页</p>");

        assertNotEquals(before, broken);
        assertEquals(before, Look.fingerprint(tmp));
    }

    @Test
    void movingBytesBetweenAFilesNameAndItsContentChangesTheFingerprint() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        Files.writeString(a.resolve("x.jte"), "yz");
        Files.writeString(b.resolve("x.jt"), "eyz");
        assertNotEquals(Look.fingerprint(a), Look.fingerprint(b));
    }
}
