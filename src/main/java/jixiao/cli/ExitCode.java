package jixiao.cli;

/** Process exit codes, the same for every command. */
final class ExitCode {
    /** Done; nothing that fails the command was found. */
    static final int OK = 0;
    /** The content has errors (or warnings with --strict). */
    static final int FINDINGS = 1;
    /** Bad usage, or an input/output problem that is not the content's fault. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
