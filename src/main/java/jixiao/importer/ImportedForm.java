package jixiao.importer;

import jixiao.content.AmountSet;
import jixiao.content.Contact;
import jixiao.content.Goal;
import jixiao.content.Indicator;
import jixiao.content.Stated;

import java.util.List;

/**
 * One 部门预算项目绩效自评表 read from a document, every text as the form writes it.
 *
 * @param where     the table or sheet it was read from ({@code 表 3})
 * @param planned   预算数 row; an amount the form leaves blank or writes as text is null (and noted)
 * @param year      the 年度 the form's title names, or null
 * @param notes     what could not be placed, or was placed by a guess, each naming its table, row and cell
 */
public record ImportedForm(
        String where,
        String name,
        String implementingUnit,
        String filingDepartment,
        String moneyUnit,
        boolean draft,
        Integer year,
        AmountSet planned,
        AmountSet received,
        AmountSet executed,
        List<Goal> goals,
        List<Indicator> indicators,
        Stated stated,
        String problems,
        Contact contact,
        List<String> notes) {

    public ImportedForm {
        goals = List.copyOf(goals);
        indicators = List.copyOf(indicators);
        notes = List.copyOf(notes);
    }
}
