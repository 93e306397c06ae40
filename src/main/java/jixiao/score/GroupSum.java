package jixiao.score;

import java.math.BigDecimal;

/**
 * The indicators filed under one 一级 key as written (a misplaced 二级 counts where it is written,
 * as on the form).
 *
 * @param weight   the sum of the indicators' weights, null unless every one of them has a weight
 * @param stated   the sum of their stated scores that are numbers
 * @param computed the sum of their computed scores, full precision
 */
public record GroupSum(String level1, int indicators, BigDecimal weight, BigDecimal stated, BigDecimal computed) {
}
