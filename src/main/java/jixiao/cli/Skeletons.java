package jixiao.cli;

import jixiao.content.YamlText;
/**
 * The commented skeletons that {@code jixiao new} writes for a new site, year, unit or project.
 *
 * <p>Every key of the format appears with a Chinese comment. What is written as a value is valid
 * both for the loader and for the JSON schemas: text the editor still has to fill in is {@code ""}
 * (the loader and the scorer read a blank value as "not written"), and keys that only take a number
 * or a fixed word ({@code order}, {@code money_unit}, {@code weight}, {@code score}, {@code judgement})
 * are shown commented out with an example, because an empty value is not valid for them. Comments
 * never follow a plain value on its line: the loader warns about those (the editor may have meant the
 * text as part of the value).
 */
final class Skeletons {

    private Skeletons() {
    }

    /** The first line of every file {@code new} writes, so that editors validate and complete it against its schema; none without a schema. */
    static String schemaLine(String relativeSchemaPath) {
        if (relativeSchemaPath == null) return "";
        return "# yaml-language-server: $schema=" + relativeSchemaPath + "\n";
    }

    static String site(String schema) {
        return schemaLine(schema) + """
                # 站点配置：整个网站的标题、单位、链接前缀、默认金额单位、评分规则和公开版设置。
                # 文本值一律加英文双引号。

                # 网站标题（必填），显示在每一页的抬头。
                title: "预算绩效公开"
                # 发布本站点的单位全称。
                organisation: ""
                # 站内链接的前缀：网站放在根目录时写 "/"，放在子目录时写该目录，如 "/jixiao/"。
                base_url: "/"
                # 各项目金额默认使用的单位：元、万元 或 亿元。
                money_unit: "万元"
                # 评分规则：内置的 cn-2020（财预〔2020〕10号）；其他规则按内容格式文档“Rules”一节写成映射。
                rules: "cn-2020"
                # 公开版设置。
                public:
                  # 是否在公开版中显示填报人和联系电话（个人信息）；false 时只在内部版显示。
                  show_contacts: false
                """;
    }

    static String report(String schema, int year, String title, String department) {
        return schemaLine(schema) + """
                # %1$d 年度报告。报告正文（一、基本情况……）写在同一文件夹的 report.md 中，可不写。
                # 文本值一律加英文双引号。

                # 报告标题（必填）。
                title: %2$s
                # 编报该报告的部门。
                department: %3$s
                # 年度：四位数字，必须与文件夹名 %1$d 相同。
                period: %1$d
                # 发布日期，格式为 年-月-日；发布时去掉行首的“# ”并填写。
                # published: "%4$d-03-31"
                """.formatted(year, YamlText.quote(title), YamlText.quote(department), year + 1);
    }

    static String unit(String schema, String unitId, String name) {
        return schemaLine(schema) + """
                # 预算单位。文件夹名 %1$s 就是单位编号；单位概况写在同一文件夹的 unit.md 中，可不写。
                # 文本值一律加英文双引号。

                # 单位名称（必填）。
                name: %2$s
                # 排列顺序：整数，小的在前；不写的排在写了的后面，再按单位编号排列。
                # order: 1
                """.formatted(unitId, YamlText.quote(name));
    }

    static String project(String schema, String projectId, String name) {
        return schemaLine(schema) + """
                # 部门预算项目绩效自评表。
                # 文件名 %1$s 就是项目编号：下一年度的同一个项目沿用这个编号，两年的数字才能对比，请勿随意改名。
                # 项目说明可写在同一文件夹的 %1$s.md 中。
                # 文本值一律加英文双引号；金额写普通数字（如 4.9745），不加引号、不写单位。
                # 以“# ”开头的行是说明或示例：要启用示例，去掉行首的“# ”。

                # 项目名称（必填）。
                name: %2$s
                # 实施预算单位。
                implementing_unit: ""
                # 填报部门，表上有时才写。
                # filing_department: "组织处"
                # 排列顺序：整数，小的在前；不写的排在写了的后面，再按项目编号排列。
                # order: 1
                # 金额单位：元、万元 或 亿元；不写时使用 site.yaml 中的 money_unit。
                # money_unit: "万元"
                # 状态：draft 为草稿，只出现在内部版；填写完成并核对后改为 final，才会进入公开版。
                status: "draft"

                # 二、预算执行情况。total（合计）必填；fiscal 为其中财政资金，other 为其他资金，二者之和应等于 total。
                # 预算执行率 = 执行数合计 ÷ 预算数合计，由生成器计算，不必填写。
                budget:
                  # 预算数（调整后）
                  planned: { total: 0, fiscal: 0, other: 0 }
                  # 到位数
                  received: { total: 0, fiscal: 0, other: 0 }
                  # 执行数
                  executed: { total: 0, fiscal: 0, other: 0 }

                # 三、目标完成情况：每行一项（以“- expected:”开头），行数不限。
                goals:
                  - expected: ""   # 年度预期目标
                    achieved: ""   # 具体完成情况

                # 四、年度绩效指标完成情况：三级指标按一级指标、二级指标分组。预算执行率一行不在这里写，它由 budget 计算。
                # 每个三级指标写成一项，格式如下（去掉行首的“# ”，放到对应的二级指标下，并删去那里的 []）：
                #   - name: "日常检查企业数（家）"        # 三级指标名称（必填）；末尾括号里的是计量单位
                #     definition: "当年对区内企业日常检查数"  # 指标解释，可不写
                #     target: "≥100家"                    # 预期指标值，照表填写，如 "≥100%%"、">=20人次"、"是"
                #     actual: "117家"                     # 实际完成值，照表填写
                #     weight: 10                          # 分值（旧表没有时可不写）
                #     score: 10                           # 自评得分，照表填写
                #     judgement: "achieved"               # 只用于定性指标：achieved 达成、partial 部分达成、missed 未达成
                #     deviation: ""                       # 偏差原因分析及改进措施，可不写
                indicators:
                  # 产出指标
                  output:
                    quantity: []        # 数量指标
                    quality: []         # 质量指标
                    timeliness: []      # 时效指标
                    cost: []            # 成本指标
                  # 效益指标
                  effect:
                    economic: []        # 经济效益指标
                    social: []          # 社会效益指标
                    ecological: []      # 生态效益指标
                    sustainability: []  # 可持续影响指标
                  # 满意度指标
                  satisfaction:
                    satisfaction: []    # 服务对象满意度指标

                # 表上写明的数字，照抄（连同百分号和小数位数）；生成器会与计算结果核对，不一致时报告，不会自动改正。
                stated:
                  execution_rate: ""   # 二、预算执行进度，如 "99%%"
                  completion: ""       # 三、总体完成率，如 "99%%"
                  execution_score: ""  # 四、预算执行率一行的自评得分，如 "10"
                  # 有的表在预算执行率一行还写了三级指标、预期指标值和实际完成值：
                  # execution_row: { name: "按相关规定拨付使用补助资金", target: "100%%", actual: "100%%" }
                  total: ""            # 总分，如 "95"
                  grade: ""            # 评价等级：优、良、中、差

                # 五、存在问题、原因及下一步整改措施。
                problems: ""

                # 填报人和联系电话：个人信息，默认只出现在内部版（见 site.yaml 的 public.show_contacts）。
                contact:
                  name: ""
                  phone: ""

                # 审核人员的内部备注：只出现在内部版，从不公开。
                # internal: "……"
                """.formatted(projectId, YamlText.quote(name));
    }
}
