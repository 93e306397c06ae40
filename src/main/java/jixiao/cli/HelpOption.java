package jixiao.cli;

import picocli.CommandLine.Option;

/** {@code -h} and {@code --help}, the same on every command. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本说明。")
    boolean help;
}
