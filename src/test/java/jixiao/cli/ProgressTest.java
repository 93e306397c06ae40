package jixiao.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line, printed into a fake terminal with a clock the test moves. */
class ProgressTest {

    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final Progress progress = new Progress(new PrintStream(terminal, true, StandardCharsets.UTF_8), now::get);

    /** What the terminal received since the last call. */
    private String printed() {
        String text = terminal.toString(StandardCharsets.UTF_8);
        terminal.reset();
        return text;
    }

    private void at(long millis) {
        now.set(5_000 * MS + millis * MS);
        progress.tick();
    }

    @Test
    void rewritesOneLineInPlaceWithCarriageReturns() {
        progress.phase("正在读取", 10);
        progress.step();
        at(0);
        assertEquals("\r正在读取 1/10 …", printed());
        progress.step();
        progress.step();
        at(100);
        assertEquals("\r正在读取 3/10 …", printed());
    }

    @Test
    void printsAtMostTenTimesASecond() {
        progress.phase("正在读取", 1000);
        int prints = 0;
        for (int ms = 0; ms < 1000; ms++) {
            progress.step();
            at(ms);
            if (!printed().isEmpty()) prints++;
        }
        assertEquals(10, prints, "a thousand ticks in a second, at 0, 100, … 900 ms");
        at(1000);
        assertEquals("\r正在读取 1000/1000 …", printed());
        progress.step();
        at(1100);
        assertEquals("", printed(), "never more than the total");
    }

    @Test
    void printsNothingWhenNothingChanged() {
        progress.phase("正在读取", 10);
        at(0);
        assertEquals("\r正在读取 0/10 …", printed());
        at(500);
        at(1000);
        assertEquals("", printed());
    }

    @Test
    void aShorterLineBlanksWhatIsLeftOfTheLongerOne() {
        progress.phase("正在生成内部版", 1000);
        IntStream.range(0, 1000).forEach(i -> progress.step());
        at(0);
        assertEquals("\r正在生成内部版 1000/1000 …", printed());
        progress.phase("正在生成公开版", 9);
        at(100);
        // 1000/1000 (9 columns) became 0/9 (3 columns): six spaces cover the rest.
        assertEquals("\r正在生成公开版 0/9 …" + " ".repeat(6), printed());
    }

    @Test
    void idleErasesTheLineAndShowsNothingUntilTheNextPhase() {
        progress.phase("正在读取", 10);
        at(0);
        printed();
        progress.idle();
        // 正在读取 (8 columns) + " 0/10 " (6) + … (counted as 2).
        assertEquals("\r" + " ".repeat(16) + "\r", printed());
        progress.step();
        at(500);
        assertEquals("", printed(), "idle");
        progress.phase("正在生成内部版", 3);
        at(600);
        assertEquals("\r正在生成内部版 0/3 …", printed());
        progress.close();
        assertTrue(printed().matches("\r +\r"));
    }

    @Test
    void aProgressThatIsOffPrintsNothing() {
        Progress off = Progress.start(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
        assertFalse(off.isOn(), "--quiet");
        off.phase("正在读取", 3);
        off.step();
        off.tick();
        off.close();
        assertEquals("", printed());
    }

    @Test
    void stderrIsATerminalAsTheScriptSaysElseWhenThereIsAConsole() {
        assertTrue(Progress.stderrIsTerminal("true", false));
        assertFalse(Progress.stderrIsTerminal("false", true), "jixiao build 2>log: stdout is a terminal, stderr is not");
        assertTrue(Progress.stderrIsTerminal(null, true));
        assertFalse(Progress.stderrIsTerminal(null, false));
        // The test harness is not a terminal.
        assertFalse(Progress.start(new PrintStream(terminal, true, StandardCharsets.UTF_8), false).isOn());
    }
}
