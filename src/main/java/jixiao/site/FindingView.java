package jixiao.site;

import jixiao.diagnostic.Finding;

/**
 * A finding as a page shows it: a symbol and a word for its severity (never colour alone),
 * its code, message and where it was written.
 *
 * @param severity {@code error}, {@code warning} or {@code info}, for the CSS class
 * @param label    错误, 警告 or 提示
 * @param symbol   ✖, ⚠ or ℹ
 * @param location {@code content/2020/unit/project.yaml:12:5}
 */
public record FindingView(String severity, String label, String symbol, String code, String message, String location) {

    public static FindingView of(Finding f) {
        return switch (f.severity()) {
            case ERROR -> new FindingView("error", "错误", "✖", f.code(), f.message(), f.position().toString());
            case WARNING -> new FindingView("warning", "警告", "⚠", f.code(), f.message(), f.position().toString());
            case INFO -> new FindingView("info", "提示", "ℹ", f.code(), f.message(), f.position().toString());
        };
    }
}
