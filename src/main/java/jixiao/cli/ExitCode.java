package jixiao.cli;

/** Process exit codes, the same for every command (README, "Commands", documents them). */
final class ExitCode {
    /** Done; nothing that fails the command was found. */
    static final int OK = 0;
    /**
     * The content fails the command: it has errors (or warnings with --strict), or it does not allow what
     * {@code new} or {@code import} would write (a file exists, an id is taken, a form cannot be read).
     */
    static final int FINDINGS = 1;
    /** Bad usage, or an input/output problem that is not the content's fault. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
