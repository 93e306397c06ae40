package jixiao.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code jixiao completion bash|zsh}: a completion script for the shell, generated from the commands
 * themselves so that it cannot fall behind them. picocli's script serves both shells (under zsh it
 * loads bashcompinit itself).
 */
@Command(name = "completion", description = {"输出 bash/zsh 的命令补全脚本。",
        "bash：source <(jixiao completion bash)，或写入 ~/.bashrc。",
        "zsh：source <(jixiao completion zsh)，或写入 ~/.zshrc。"},
        footer = {"", "退出码：0 已输出；2 用法错误。"})
final class CompletionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, converter = Shells.class,
            description = "bash 或 zsh。")
    String shell;

    @CommandLine.Mixin
    HelpOption helpOption;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    CompletionCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        terminal.out().print(AutoComplete.bash(root.getCommandName(), root));
        terminal.out().flush();
        return ExitCode.OK;
    }

    static final class Shells extends Converters.Choice {
        Shells() {
            super(java.util.List.of("bash", "zsh"));
        }
    }
}
