package jixiao.check;

import jixiao.content.AmountSet;
import jixiao.content.Budget;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.SourceMap;
import jixiao.diagnostic.Finding;

import java.math.BigDecimal;

/** 二、预算执行情况: the amounts against each other (see "Amounts" in the content format). */
final class BudgetChecks {

    private BudgetChecks() {
    }

    static void check(Project project, Problems out) {
        Budget budget = project.budget();
        if (budget == null) return; // a missing budget is the loader's error
        SourceMap at = project.sources();
        String unit = project.moneyUnit();
        parts(budget.planned(), "planned", "预算数", at, unit, out);
        parts(budget.received(), "received", "到位数", at, unit, out);
        parts(budget.executed(), "executed", "执行数", at, unit, out);

        BigDecimal planned = total(budget.planned());
        BigDecimal received = total(budget.received());
        BigDecimal executed = total(budget.executed());
        if (planned != null && planned.signum() == 0) {
            out.report(Finding.warning("planned-total-zero", at.at("budget.planned.total"),
                    "预算数合计为 0：无法计算预算执行率，预算执行率得分按 0 分计入总分。请填写调整后的预算数。"));
        }
        if (planned != null && received != null && received.compareTo(planned) > 0) {
            out.report(Finding.warning("received-exceeds-planned", at.at("budget.received.total"),
                    "到位数 " + Texts.amount(received, unit) + " 大于预算数 " + Texts.amount(planned, unit)
                            + "：到位资金不应超过调整后的预算数，请核对这两个数。"));
        }
        if (planned != null && executed != null && executed.compareTo(planned) > 0) {
            out.report(Finding.warning("executed-exceeds-planned", at.at("budget.executed.total"),
                    "执行数 " + Texts.amount(executed, unit) + " 大于预算数 " + Texts.amount(planned, unit)
                            + "：执行数不应超过调整后的预算数，请核对这两个数。"));
        }
        if (received != null && executed != null && executed.compareTo(received) > 0) {
            out.report(Finding.warning("executed-exceeds-received", at.at("budget.executed.total"),
                    "执行数 " + Texts.amount(executed, unit) + " 大于到位数 " + Texts.amount(received, unit)
                            + "：支出不应超过到位的资金，请核对这两个数。"));
        }
    }

    /** 财政资金 + 其他 = 合计 when both are written; neither part larger than the total. */
    private static void parts(AmountSet set, String key, String label, SourceMap at, String unit, Problems out) {
        if (set == null || set.total() == null) return;
        BigDecimal total = set.total();
        String path = "budget." + key;
        boolean partTooLarge = false;
        if (set.fiscal() != null && set.fiscal().compareTo(total) > 0) {
            partTooLarge = true;
            out.report(Finding.warning("amount-part-exceeds-total", at.at(path + ".fiscal"),
                    label + "中的财政资金 " + Texts.amount(set.fiscal(), unit) + " 大于" + label + "合计 " + Texts.amount(total, unit)
                            + "：部分不能大于合计，请核对是否多写或少写了数字。"));
        }
        if (set.other() != null && set.other().compareTo(total) > 0) {
            partTooLarge = true;
            out.report(Finding.warning("amount-part-exceeds-total", at.at(path + ".other"),
                    label + "中的其他资金 " + Texts.amount(set.other(), unit) + " 大于" + label + "合计 " + Texts.amount(total, unit)
                            + "：部分不能大于合计，请核对是否多写或少写了数字。"));
        }
        // A part larger than its total already says the row does not add up; say it once.
        if (!partTooLarge && set.fiscal() != null && set.other() != null) {
            BigDecimal sum = set.fiscal().add(set.other());
            if (sum.compareTo(total) != 0) {
                out.report(Finding.warning("amount-parts-sum", at.at(path + ".total"),
                        label + "合计写的是 " + Texts.amount(total, unit) + "，但财政资金 " + Texts.amount(set.fiscal(), unit)
                                + " 加其他 " + Texts.amount(set.other(), unit) + " 等于 " + Texts.amount(sum, unit)
                                + "：请核对，使财政资金 + 其他 = 合计。"));
            }
        }
    }

    private static BigDecimal total(AmountSet set) {
        return set == null ? null : set.total();
    }
}
