package jixiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command line as picocli sees it: the commands, their Chinese help, and the one way every command
 * reports a usage error ({@code jixiao build: 不认识的选项“--outt”：是不是要用 --out？用 jixiao build --help 查看用法。},
 * exit {@link ExitCode#USAGE}). Commands are built with the {@link Terminal} they print to, so that
 * tests run them in-process.
 */
final class Cli {

    private Cli() {
    }

    /** Runs {@code args}; returns the exit code. Exceptions other than usage errors propagate, as they always did. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, new Terminal(out, err));
    }

    /** As {@link #run(List, PrintStream, PrintStream)}, with the working folder given. */
    static int run(List<String> args, Terminal terminal) {
        PrintStream err = terminal.err();
        CommandLine cl = commandLine(terminal);
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(args.toArray(String[]::new));
            if (CommandLine.printHelpIfRequested(parsed)) return ExitCode.OK;
            List<CommandLine> chain = parsed.asCommandLineList();
            Callable<?> command = chain.get(chain.size() - 1).getCommand();
            return (Integer) command.call();
        } catch (ParameterException e) {
            err.println(usageError(e, args));
            err.flush();
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Commands report their own failures; a checked exception that gets here is a bug, shown as one.
            throw new IllegalStateException(e);
        }
    }

    /** The whole command tree, printing to {@code terminal}. */
    static CommandLine commandLine(Terminal terminal) {
        CommandLine cl = new CommandLine(JixiaoCommand.class, new Factory(terminal));
        // An argument that looks like an option is never another option's value: "--name --content x" is an
        // error, not a name "--content", and "--name -x" or "--name=-x" neither (picocli allows those by default).
        // No name, year, folder or revision jixiao takes needs to begin with "-" (a folder can be written ./-x).
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setAllowOptionsAsOptionParameters(false);
        cl.setOut(new PrintWriter(new OutputStreamWriter(terminal.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(terminal.err(), StandardCharsets.UTF_8), true));
        // Help reads the same wherever it is printed (and in its golden files): no colours.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        chinese(cl);
        return cl;
    }

    /** Chinese section headings for every command's help. */
    private static void chinese(CommandLine cl) {
        cl.getCommandSpec().usageMessage()
                .synopsisHeading("用法：")
                .descriptionHeading("%n")
                .parameterListHeading("%n参数：%n")
                .optionListHeading("%n选项：%n")
                .commandListHeading("%n命令：%n")
                .width(100)
                .sortOptions(false)
                .abbreviateSynopsis(false)
                .synopsisSubcommandLabel("COMMAND");
        for (CommandLine sub : cl.getSubcommands().values()) chinese(sub);
    }

    /** How a usage error reads: the command, what is wrong, a suggestion if there is one, where to read more. */
    static String usageError(ParameterException e, List<String> args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String command = spec.qualifiedName(" ");
        String message = message(e, args);
        if (message.endsWith("。")) message = message.substring(0, message.length() - 1);
        return command + ": " + message + (message.endsWith("？") ? "" : "。") + "用 " + command + " --help 查看用法。";
    }

    private static String message(ParameterException e, List<String> args) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            if (u.getUnmatched().isEmpty()) {
                // An unknown option where a value should be ("--name -x"): picocli names no argument.
                for (OptionSpec o : e.getCommandLine().getCommandSpec().options()) {
                    String next = o.arity().min() > 0 ? followingOption(o, args) : null;
                    if (next != null) return valueMissing(o, next);
                }
                return e.getMessage();
            }
            String arg = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : "：是不是要用 " + String.join("、", suggestions.subList(0, Math.min(3, suggestions.size()))) + "？";
            if (arg.startsWith("-")) return "不认识的选项“" + arg + "”" + hint;
            if (!e.getCommandLine().getSubcommands().isEmpty() && e.getCommandLine().getParseResult() != null
                    && !e.getCommandLine().getParseResult().hasSubcommand()) {
                return "不认识的命令“" + arg + "”" + hint;
            }
            return "多余的参数“" + arg + "”";
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            ArgSpec missing = m.getMissing().isEmpty() ? null : m.getMissing().get(0);
            if (missing instanceof OptionSpec o) {
                if (!given(o, args)) return "缺少必填的选项 " + o.longestName();
                return valueMissing(o, followingOption(o, args));
            }
            if (missing != null) return "缺少 " + missing.paramLabel();
            return e.getMessage();
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return (o.getOverwritten() instanceof OptionSpec spec ? spec.longestName() : o.getOverwritten().paramLabel()) + " 只能写一次";
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException t) {
            ArgSpec arg = e.getArgSpec();
            if (arg instanceof OptionSpec o) return o.longestName() + " 的值“" + e.getValue() + "”不对：" + t.getMessage();
            return "参数“" + e.getValue() + "”不对：" + t.getMessage();
        }
        return e.getMessage();
    }

    /** An option without its value; {@code next} is the option-like argument that stands where it should be, or null. */
    private static String valueMissing(OptionSpec option, String next) {
        String name = option.longestName();
        if (next == null) return name + " 后面缺少值";
        return name + " 后面缺少值（“" + next + "”像是选项，不能当作 " + name + " 的值）";
    }

    /** Whether {@code option} is on the command line at all, alone or as {@code --name=value}. */
    private static boolean given(OptionSpec option, List<String> args) {
        for (String arg : args) {
            for (String name : option.names()) if (arg.equals(name) || arg.startsWith(name + "=")) return true;
        }
        return false;
    }

    /**
     * The option-like argument that stands where {@code option}'s value should be ({@code --name -x}, or
     * {@code --name=-x}, which picocli refuses as well), if that is why the value is missing.
     */
    private static String followingOption(OptionSpec option, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            for (String name : option.names()) {
                if (args.get(i).equals(name) && i + 1 < args.size() && args.get(i + 1).startsWith("-")) return args.get(i + 1);
                if (args.get(i).startsWith(name + "=-")) return args.get(i).substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Makes commands with their terminal (a constructor taking a {@link Terminal}), and anything else as picocli would. */
    private record Factory(Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withTerminal = type.getDeclaredConstructor(Terminal.class);
                withTerminal.setAccessible(true);
                return withTerminal.newInstance(terminal);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
