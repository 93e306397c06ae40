package jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jixiao help [命令 [子命令]]}: the same text as {@code jixiao <命令> --help}. */
@Command(name = "help", helpCommand = true, description = "显示某个命令的用法。",
        footer = {"", "退出码：0 已显示；2 没有这个命令。"})
final class HelpCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..2", description = "要查看的命令，如 build 或 new project。")
    List<String> commands = List.of();

    @CommandLine.Mixin
    HelpOption helpOption;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    HelpCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        CommandLine target = spec.commandLine().getParent();
        if (commands.size() > 2) throw new ParameterException(spec.commandLine(), "多余的参数“" + commands.get(2) + "”");
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null && target.getSubcommands().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "多余的参数“" + name + "”："
                        + target.getCommandSpec().qualifiedName(" ") + " 没有下一级命令");
            }
            if (sub == null) {
                List<String> names = List.copyOf(target.getSubcommands().keySet());
                throw new ParameterException(spec.commandLine(), "不认识的命令“" + name + "”：" + target.getCommandSpec().qualifiedName(" ")
                        + " 的命令有 " + String.join("、", names));
            }
            target = sub;
        }
        terminal.out().print(target.getUsageMessage());
        terminal.out().flush();
        return ExitCode.OK;
    }
}
