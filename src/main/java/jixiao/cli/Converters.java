package jixiao.cli;

import jixiao.content.ContentLayout;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Typed option values, each refusing a bad value with a Chinese reason that {@link Cli} puts after the
 * option's name: {@code --port 的值“http”不对：应为 0 到 65535 之间的整数……}.
 */
final class Converters {

    private Converters() {
    }

    /** A folder or file name. */
    static final class PathValue implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) throw new TypeConversionException("不能为空");
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("不是有效的路径");
            }
        }
    }

    /** A TCP port; 0 lets the system choose a free one (tests and scripts rely on it). */
    static final class Port implements ITypeConverter<Integer> {
        static final int MAX = 65535;

        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= MAX) return port;
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("应为 0 到 " + MAX + " 之间的整数（0 表示任选一个空闲端口）");
        }
    }

    /** A year as its folder is named: four digits. */
    static final class Year implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!ContentLayout.isYear(value)) throw new TypeConversionException("不是四位数字的年度（如 2021）");
            return Integer.parseInt(value);
        }
    }

    /** A unit id, as its folder is named. */
    static final class UnitId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!ContentLayout.isId(value)) throw new TypeConversionException("单位编号只能用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符");
            return value;
        }
    }

    /** A choice among fixed words, which are also what shell completion offers. */
    abstract static class Choice implements ITypeConverter<String>, Iterable<String> {
        private final List<String> choices;

        Choice(List<String> choices) {
            this.choices = choices;
        }

        @Override
        public String convert(String value) {
            if (!choices.contains(value)) throw new TypeConversionException("只能是 " + String.join("、", choices));
            return value;
        }

        @Override
        public Iterator<String> iterator() {
            return choices.iterator();
        }
    }

    static final class FindingFormat extends Choice {
        static final List<String> ALL = List.of("text", "json", "github", "sarif", "codeclimate");

        FindingFormat() {
            super(ALL);
        }
    }

    static final class DiffFormat extends Choice {
        static final List<String> ALL = List.of("text", "markdown", "json");

        DiffFormat() {
            super(ALL);
        }
    }
}
