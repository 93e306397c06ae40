package jixiao.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options, {@code --flag} switches and positionals.
 * Anything not declared is a usage error, so a typo never silently changes what a command does.
 */
final class Args {

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> options = new HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (valueOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new UsageException(name + " 后面需要一个值");
                        value = args.get(++i);
                    }
                    if (parsed.options.put(name, value) != null) throw new UsageException(name + " 只能写一次");
                } else if (flagOptions.contains(name) && value == null) {
                    parsed.flags.add(name);
                } else {
                    throw new UsageException("不认识的选项 " + a);
                }
            } else {
                parsed.positionals.add(a);
            }
        }
        return parsed;
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positionals() {
        return List.copyOf(positionals);
    }
}
