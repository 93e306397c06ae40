package jixiao.compare;

import java.util.List;

/**
 * A semantic comparison of two content trees, or two years of one tree.
 *
 * @param edition   which edition it was built for; a public comparison holds no draft and no
 *                  private change
 * @param moneyUnit the unit every amount in it is expressed in (the new side's site money unit)
 * @param years     one entry for a comparison of two years; one per year of either tree,
 *                  oldest first, for a comparison of two trees
 */
public record Comparison(Edition edition, String moneyUnit, List<YearComparison> years) {

    public Comparison {
        years = List.copyOf(years);
    }

    public boolean hasChanges() {
        return years.stream().anyMatch(YearComparison::hasChanges);
    }
}
