package jixiao.cli;

import java.io.PrintStream;

/** Where a command prints: its report on {@code out}, messages and progress on {@code err}. */
record Terminal(PrintStream out, PrintStream err) {
}
