package jixiao.build;

import jixiao.check.CheckResult;
import jixiao.check.Checker;
import jixiao.compare.Edition;
import jixiao.content.DirectorySource;
import jixiao.render.Deflated;
import jixiao.render.PieceMemo;
import jixiao.site.ModelReads;
import jixiao.site.ProjectModel;
import jixiao.site.SiteModel;
import jixiao.site.UnitModel;
import jixiao.testing.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces an incremental build keeps of a file rendered a part at a time: taken only while every model part the
 * piece read hashes as it did, in a build of the same key and an edition of the same shape; what a taken piece read
 * is still noted for its file.
 */
class PieceCacheTest {

    @TempDir
    Path tmp;

    private Path folder() {
        return tmp.resolve("cache");
    }

    /** One edition's model of {@code content} with its parts named and hashed, as a build has them. */
    private record Model(SiteModel site, ModelParts parts) {
        static Model of(Path content) throws IOException {
            CheckResult result = Checker.check(new DirectorySource(content));
            SiteModel site = SiteBuild.model(result, Edition.INTERNAL);
            return new Model(site, ModelParts.of(site, new PartHash()));
        }

        UnitModel unit(String id) {
            return site.years().get(0).units().stream().filter(u -> u.unit().id().equals(id)).findFirst().orElseThrow();
        }
    }

    /** A piece that lists the names of a unit's projects, counting how often it is made. */
    private static PieceMemo.Maker names(UnitModel unit, AtomicInteger made) {
        return out -> {
            made.incrementAndGet();
            StringBuilder text = new StringBuilder();
            for (ProjectModel p : unit.projects()) text.append(p.project().name()).append('\n');
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Deflated.Sums((int) crc.getValue(), bytes.length);
        };
    }

    /** The piece of {@code unit} in a build of {@code key} and {@code shape}, its cache written after. */
    private byte[] build(Model model, String key, String shape, String unit, AtomicInteger made) throws IOException {
        PieceCache cache = PieceCache.open(folder(), key);
        PieceMemo memo = cache.forFile("internal", "2020/report.docx", shape, model.parts());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        memo.piece("forms " + unit, out, names(model.unit(unit), made));
        cache.write();
        return out.toByteArray();
    }

    @Test
    void aPieceIsTakenWhileWhatItReadIsUnchanged() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger made = new AtomicInteger();
        byte[] first = build(Model.of(content), "key", "shape", "talent", made);
        byte[] second = build(Model.of(content), "key", "shape", "talent", made);
        assertEquals(1, made.get(), "made once, then taken from the cache");
        assertArrayEquals(first, second);
        assertTrue(new String(second, StandardCharsets.UTF_8).contains("就业专项资金"));
    }

    /** The file with a piece for each of two units, as a year's report.docx asks for them; what the first gave. */
    private byte[] buildBoth(Model model, AtomicInteger talent, AtomicInteger inspection) throws IOException {
        PieceCache cache = PieceCache.open(folder(), "key");
        PieceMemo memo = cache.forFile("internal", "2020/report.docx", "shape", model.parts());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        memo.piece("forms talent", out, names(model.unit("talent"), talent));
        memo.piece("forms inspection", new ByteArrayOutputStream(), names(model.unit("inspection"), inspection));
        cache.write();
        return out.toByteArray();
    }

    @Test
    void aPieceIsMadeAgainWhenAProjectItReadChangedAndNoOtherIs() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger talent = new AtomicInteger();
        AtomicInteger inspection = new AtomicInteger();
        buildBoth(Model.of(content), talent, inspection);
        Path employment = content.resolve("2020/talent/employment.yaml");
        Files.writeString(employment, Files.readString(employment).replace("name: \"就业专项资金\"", "name: \"就业专项资金（调整）\""));
        byte[] again = buildBoth(Model.of(content), talent, inspection);
        assertEquals(2, talent.get(), "the edited project's unit: made again");
        assertEquals(1, inspection.get(), "another unit's: taken");
        assertTrue(new String(again, StandardCharsets.UTF_8).contains("就业专项资金（调整）"));
        buildBoth(Model.of(content), talent, inspection);
        assertEquals(2, talent.get(), "both kept again: taken the third time");
        assertEquals(1, inspection.get());
    }

    @Test
    void theRestOfAFileItDidNotRenderIsKept() throws IOException {
        // A year's report.docx carried over unchanged keeps its pieces for a later edit of that year.
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger made = new AtomicInteger();
        build(Model.of(content), "key", "shape", "talent", made);
        PieceCache other = PieceCache.open(folder(), "key");
        other.forFile("public", "2020/report.docx", "shape", Model.of(content).parts())
                .piece("forms talent", new ByteArrayOutputStream(), names(Model.of(content).unit("talent"), new AtomicInteger()));
        other.write();
        build(Model.of(content), "key", "shape", "talent", made);
        assertEquals(1, made.get(), "the internal edition's piece outlived a build that rendered only the public one");
    }

    @Test
    void aPieceOfAnotherBuildKeyOrEditionShapeIsMadeAgain() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger made = new AtomicInteger();
        build(Model.of(content), "key", "shape", "talent", made);
        build(Model.of(content), "another key", "shape", "talent", made);
        assertEquals(2, made.get(), "another version, look, site.yaml or rules");
        build(Model.of(content), "another key", "another shape", "talent", made);
        assertEquals(3, made.get(), "other files in the edition");
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger made = new AtomicInteger();
        build(Model.of(content), "key", "shape", "talent", made);
        Path file = folder().resolve(PieceCache.FILE);
        byte[] sound = Files.readAllBytes(file);
        byte[] flipped = sound.clone();
        flipped[sound.length / 2] ^= 4;
        Files.write(file, flipped);
        build(Model.of(content), "key", "shape", "talent", made);
        assertEquals(2, made.get(), "a bit flipped");
        Files.write(file, java.util.Arrays.copyOf(sound, sound.length - 5));
        build(Model.of(content), "key", "shape", "talent", made);
        assertEquals(3, made.get(), "cut short");
    }

    /** The names of the parts a file noted while its piece of unit talent was made or taken, and the cache written. */
    private String[] piecesReads(Model model, AtomicInteger made) {
        PieceCache cache = PieceCache.open(folder(), "key");
        PieceMemo memo = cache.forFile("internal", "2020/report.docx", "shape", model.parts());
        ModelReads.Recorded<Object> file = ModelReads.record(() -> {
            try {
                memo.piece("forms talent", new ByteArrayOutputStream(), names(model.unit("talent"), made));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        cache.write();
        return names(model.parts(), model.parts().numbersOf(file.reads()));
    }

    @Test
    void theFileNotesWhatATakenPieceRead() throws IOException {
        Path content = ContentFixture.copy("site/fixture/content", tmp.resolve("content"));
        AtomicInteger made = new AtomicInteger();
        String[] making = piecesReads(Model.of(content), made);
        String[] taking = piecesReads(Model.of(content), made);
        assertEquals(1, made.get(), "taken the second time");
        assertTrue(making.length > 1, "the project list and each project");
        assertArrayEquals(making, taking, "the file depends on the same parts whether the piece was made or taken");
    }

    private static String[] names(ModelParts parts, int[] numbers) {
        String[] names = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) names[i] = parts.name(numbers[i]);
        return names;
    }
}
