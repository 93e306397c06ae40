package jixiao.content;

import java.time.LocalDate;

/** report.yaml and report.md of one year. */
public record Report(String title, String department, int period, LocalDate published, Narrative narrative, SourceMap sources) {
}
