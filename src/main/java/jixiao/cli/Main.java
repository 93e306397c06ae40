package jixiao.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@code jixiao} command line. {@link #run} returns the exit code, so every command is testable in-process. */
public final class Main {

    static final String USAGE = """
            用法：jixiao <命令> [选项]

            命令：
              check   检查内容并核算得分        jixiao check [--content DIR] [--format text|json|github|sarif] [--strict] [--quiet]
              build   生成内部版和公开版网站    jixiao build [--content DIR] [--out DIR] [--strict] [--templates DIR] [--quiet]
              serve   预览内部版，保存即更新    jixiao serve [--content DIR] [--port 8080] [--bind 127.0.0.1] [--templates DIR]
              diff    比较两个年度或两个版本    jixiao diff <年度> <年度> | --from REV [--to REV] [--format text|markdown|json]
              new     新建项目、单位或年度      jixiao new project <年度>/<单位>/<编号> [--name 名称]
                                                jixiao new unit <年度>/<单位> [--name 名称]
                                                jixiao new year <年度> --from <上一年度>
              import  从 Word/Excel 导入往年自评表  jixiao import <文件.docx|文件.xlsx>… --year <年度> [--content DIR] [--unit 单位]
              schema  写出编辑器用的 JSON Schema  jixiao schema [--out DIR]

            选项 --quiet 不显示进度和结尾的汇总行；build 还只列出使生成失败的问题。
            选项 --help 显示本说明。
            """;

    private Main() {
    }

    public static void main(String[] args) {
        var relaunch = Relaunch.command(Arrays.asList(args));
        if (relaunch.isPresent()) {
            try {
                System.exit(Relaunch.run(relaunch.get()));
            } catch (java.io.IOException | InterruptedException e) {
                // Could not start a second JVM: run here, only slower.
            }
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(Arrays.asList(args), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "check" -> CheckCommand.run(rest, out, err);
                case "build" -> BuildCommand.run(rest, out, err);
                case "serve" -> ServeCommand.run(rest, out, err);
                case "schema" -> SchemaCommand.run(rest, out, err);
                case "new" -> NewCommand.run(rest, out, err);
                case "import" -> ImportCommand.run(rest, out, err);
                case "diff" -> DiffCommand.run(rest, out, err);
                default -> {
                    err.println("jixiao: 不认识的命令“" + args.get(0) + "”。");
                    err.print(USAGE);
                    yield ExitCode.USAGE;
                }
            };
        } catch (Args.UsageException e) {
            err.println("jixiao " + args.get(0) + ": " + e.getMessage() + "。用 jixiao --help 查看用法。");
            return ExitCode.USAGE;
        }
    }
}
