package jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code jixiao} itself: the list of commands, {@code --version}, and the usage text when no command is given. */
@Command(name = "jixiao",
        description = "绩效：把部门预算项目绩效自评表做成经过检查、互相链接的静态网站。",
        versionProvider = JixiaoCommand.Version.class,
        subcommands = {CheckCommand.class, BuildCommand.class, ServeCommand.class, DiffCommand.class, NewCommand.Line.class,
                ImportCommand.class, SchemaCommand.class, HelpCommand.class, CompletionCommand.class},
        footer = {"", "用 jixiao <命令> --help 或 jixiao help <命令> 查看各命令的用法。",
                "退出码：0 完成；1 内容有错误（--strict 时含警告），或内容不允许这样做；2 用法错误或读写失败。"})
final class JixiaoCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本说明。")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本。")
    boolean version;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    JixiaoCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** No command: the usage on stderr, exit 2, as a script that forgot its command should see. */
    @Override
    public Integer call() {
        terminal.err().print(spec.commandLine().getUsageMessage());
        terminal.err().flush();
        return ExitCode.USAGE;
    }

    /** The version this jar was built as (from the POM); "dev" when run from classes that were not filtered. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jixiao " + number()};
        }

        /** The version alone, as {@code --version} prints it after the name (SARIF's driver version). */
        static String number() {
            Properties p = new Properties();
            try (InputStream in = JixiaoCommand.class.getResourceAsStream("/jixiao/version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                return "dev";
            }
            return p.getProperty("version", "dev");
        }
    }
}
