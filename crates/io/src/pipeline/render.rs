//! The results workbook (one sheet per result, Chinese sheet names) and `report.md` of a run.

use std::fmt::Write as _;

use data_assets_core::accounting::disclosure::{Block, Columns};
use data_assets_core::accounting::{Side, Voucher};
use data_assets_core::calendar::DueDate;
use data_assets_core::money::Amount as Money;
use data_assets_core::revenue::Routing;

use data_assets_core::report::{format_amount, render_markdown};

use super::RunResult;
use crate::error::IoError;
use crate::table::{Cell, ColumnKind, ColumnSpec, SheetSpec};
use crate::workbook::write_workbook;

/// File name of the results workbook.
pub const RESULTS_XLSX: &str = "results.xlsx";

fn spec(name: &'static str, columns: &[(&'static str, &'static str, ColumnKind)]) -> SheetSpec {
    SheetSpec {
        name,
        columns: columns
            .iter()
            .map(|(key, header, kind)| ColumnSpec::new(key, header, kind.clone(), false))
            .collect(),
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::text(value)
}

fn count(value: impl TryInto<i64>) -> Cell {
    value.try_into().map_or(Cell::Empty, Cell::Int)
}

/// Chinese label of where a share goes.
pub fn routing_label(routing: Routing) -> &'static str {
    match routing {
        Routing::RemitToTreasury => "上缴国库（2103 应缴财政款）",
        Routing::InstitutionCoreRevenue => "事业收入（4101）",
        Routing::InstitutionBusinessRevenue => "经营收入（4401）",
        Routing::InstitutionOtherRevenue => "其他收入（4609）",
        Routing::EnterpriseRevenue => "企业收入",
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Financial => "财务会计",
        Side::Budget => "预算会计",
    }
}

/// One sheet of the results workbook: its spec and rows.
pub type ResultSheet = (SheetSpec, Vec<Vec<Cell>>);

/// Builds the sheets of the results workbook, in workbook order.
pub fn result_sheets(result: &RunResult) -> Vec<ResultSheet> {
    let split_vouchers: Vec<Voucher> = result
        .splits
        .iter()
        .flat_map(|split| split.vouchers.iter().cloned())
        .collect();
    vec![
        overview_sheet(result),
        recognition_sheet(result),
        card_sheet(result),
        certificate_sheet(result),
        voucher_sheet("凭证", &result.vouchers),
        amortization_sheet(result),
        trial_balance_sheet(result),
        disclosure_sheet(result),
        authorization_sheet(result),
        split_sheet(result),
        voucher_sheet("分成凭证", &split_vouchers),
        violation_sheet(result),
        progress_sheet(result),
        deadline_sheet(result),
        issue_sheet(result),
    ]
}

/// Writes the results workbook and returns its bytes.
///
/// # Errors
///
/// [`IoError::Write`] when the workbook cannot be built.
pub fn results_workbook(result: &RunResult) -> Result<Vec<u8>, IoError> {
    let sheets = result_sheets(result);
    let refs: Vec<(&SheetSpec, &[Vec<Cell>])> = sheets
        .iter()
        .map(|(spec, rows)| (spec, rows.as_slice()))
        .collect();
    write_workbook(RESULTS_XLSX, &refs)
}

fn overview_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::Text;
    let spec = spec("说明", &[("item", "项目", Text), ("value", "内容", Text)]);
    let unit = &result.unit;
    let mut rows = vec![
        vec![text("单位名称"), text(unit.name.clone())],
        vec![text("统一社会信用代码"), text(unit.uscc.as_str())],
        vec![text("单位类型"), text(unit.kind.label_zh())],
        vec![text("行政区划代码"), text(unit.region_code.as_str())],
        vec![text("截止日期"), text(result.as_of.to_string())],
        vec![text("凭证数"), text(result.vouchers.len().to_string())],
        vec![text("问题数"), text(result.issues.len().to_string())],
    ];
    if !unit.note.is_empty() {
        rows.push(vec![text("备注"), text(unit.note.clone())]);
    }
    for assumption in &result.assumptions {
        rows.push(vec![text("假设"), text(assumption.clone())]);
    }
    for note in &result.stages_omitted {
        rows.push(vec![
            text("未执行"),
            text(format!("{}：{}", stage_label(&note.stage), note.reason)),
        ]);
    }
    (spec, rows)
}

/// Renders vouchers one line per row, in a sheet called `name`.
pub fn voucher_sheet(name: &'static str, vouchers: &[Voucher]) -> ResultSheet {
    use ColumnKind::{Amount, Date, Text};
    let spec = spec(
        name,
        &[
            ("id", "凭证号", Text),
            ("date", "日期", Date),
            ("asset_id", "资产编号", Text),
            ("memo", "摘要", Text),
            ("side", "会计类型", Text),
            ("account_code", "科目编码", Text),
            ("account_name", "科目名称", Text),
            ("debit", "借方金额", Amount),
            ("credit", "贷方金额", Amount),
        ],
    );
    let mut rows = Vec::new();
    for voucher in vouchers {
        for side in [Side::Financial, Side::Budget] {
            for line in voucher.lines(side) {
                rows.push(vec![
                    text(voucher.id.clone()),
                    Cell::Date(voucher.date),
                    text(voucher.asset_id.clone()),
                    text(voucher.memo.clone()),
                    text(side_label(side)),
                    text(line.account_code.clone()),
                    text(line.account_name.clone()),
                    Cell::Amount(line.debit),
                    Cell::Amount(line.credit),
                ]);
            }
        }
    }
    (spec, rows)
}

fn recognition_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Text};
    let spec = spec(
        "确认",
        &[
            ("asset_id", "资产编号", Text),
            ("outcome", "确认结果", Text),
            ("booking_status", "入账情况", Text),
            ("capitalizable", "可资本化金额", Amount),
            ("findings", "判断依据", Text),
            ("assumptions", "假设", Text),
        ],
    );
    let rows = result
        .recognitions
        .iter()
        .map(|record| {
            let recognition = &record.recognition;
            let findings: Vec<String> = recognition
                .findings
                .iter()
                .map(|f| {
                    format!(
                        "{}：{}（{}；{}）",
                        f.criterion.label_zh(),
                        f.status.label_zh(),
                        zh_or_en(&f.reason_zh, &f.reason),
                        f.rule
                    )
                })
                .collect();
            vec![
                text(recognition.asset_id.clone()),
                text(recognition.outcome.label_zh()),
                text(recognition.booking_status.label_zh()),
                Cell::Amount(recognition.capitalizable_amount),
                text(findings.join("\n")),
                text(if record.assumptions_zh.is_empty() {
                    record.assumptions.join("; ")
                } else {
                    record.assumptions_zh.join("；")
                }),
            ]
        })
        .collect();
    (spec, rows)
}

fn card_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Int, Text};
    let spec = spec(
        "信息卡",
        &[
            ("kind", "信息卡类型", Text),
            ("asset_id", "资产编号", Text),
            ("name", "资产名称", Text),
            ("holder", "持有单位", Text),
            ("booking_status", "入账情况", Text),
            ("book_value", "账面价值", Amount),
            ("records", "记录数", Int),
            ("security_grade", "安全级别", Text),
            ("problems", "信息卡问题", Text),
        ],
    );
    let rows = result
        .cards
        .iter()
        .map(|card| {
            let problems = super::cards::card_problems(card).join("；");
            match card {
                super::cards::Card::Government(card) => vec![
                    text("数据资产信息卡（行政事业单位）"),
                    text(card.asset_id.clone()),
                    text(card.name.clone()),
                    text(card.holder.name.clone()),
                    text(card.booking_status.label_zh()),
                    Cell::Amount(card.book_value),
                    count(card.record_count),
                    text(card.security_grade.label_zh()),
                    text(problems),
                ],
                super::cards::Card::Enterprise(card) => vec![
                    text("数据资产信息卡（企业）"),
                    text(card.basic.asset_id.clone()),
                    text(card.basic.name.clone()),
                    text(card.basic.holder.name.clone()),
                    text(card.basic.booking_status.label_zh()),
                    Cell::Amount(card.basic.book_value),
                    Cell::Empty,
                    text(card.management.security_grade.label_zh()),
                    text(problems),
                ],
            }
        })
        .collect();
    (spec, rows)
}

fn certificate_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Date, Text};
    let spec = spec(
        "证书",
        &[
            ("number", "证书编号", Text),
            ("asset_id", "资产编号", Text),
            ("holder", "持有单位", Text),
            ("issued_on", "发证日期", Date),
            ("fingerprint", "信息卡指纹（SHA-256）", Text),
        ],
    );
    let rows = result
        .certificates
        .iter()
        .map(|certificate| {
            vec![
                text(certificate.number.clone()),
                text(certificate.asset_id.clone()),
                text(certificate.holder.name.clone()),
                Cell::Date(certificate.issued_on),
                text(certificate.fingerprint.clone()),
            ]
        })
        .collect();
    (spec, rows)
}

fn progress_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::Text;
    let spec = spec(
        "进度报告",
        &[("item", "项目", Text), ("value", "内容", Text)],
    );
    let Some(report) = &result.progress_report else {
        return (spec, Vec::new());
    };
    let holdings = &report.holdings;
    let line = |item: &str, value: String| vec![text(item), text(value)];
    let rows = vec![
        line("报告期", report.period.label_zh()),
        line("数据资产（项）", holdings.total.count.to_string()),
        line("账面价值合计", format_amount(holdings.total.book_value)),
        line("已登记", holdings.registered_count.to_string()),
        line("已取得证书", holdings.certified_count.to_string()),
        line("授权运营", holdings.authorized_count.to_string()),
        line("已处置", holdings.disposed_count.to_string()),
    ];
    (spec, rows)
}

fn amortization_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Int, Text};
    let spec = spec(
        "摊销",
        &[
            ("asset_id", "资产编号", Text),
            ("months", "已摊销月数", Int),
            ("amount", "累计摊销金额", Amount),
        ],
    );
    let rows = result
        .amortization
        .iter()
        .map(|total| {
            vec![
                text(total.asset_id.clone()),
                count(total.months),
                Cell::Amount(total.amount),
            ]
        })
        .collect();
    (spec, rows)
}

fn trial_balance_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Text};
    let spec = spec(
        "试算平衡",
        &[
            ("side", "会计类型", Text),
            ("period", "期间（自首张凭证起）", Text),
            ("account_code", "科目编码", Text),
            ("account_name", "科目名称", Text),
            ("opening_debit", "期初借方", Amount),
            ("opening_credit", "期初贷方", Amount),
            ("period_debit", "本期借方", Amount),
            ("period_credit", "本期贷方", Amount),
            ("closing_debit", "期末借方", Amount),
            ("closing_credit", "期末贷方", Amount),
        ],
    );
    let mut rows = Vec::new();
    for balance in &result.trial_balances {
        for row in balance.rows.iter().chain(std::iter::once(&balance.totals)) {
            rows.push(vec![
                text(side_label(balance.side)),
                text(format!("{} 至 {}", balance.from, balance.to)),
                text(row.account_code.clone()),
                text(row.account_name.clone()),
                Cell::Amount(row.opening_debit),
                Cell::Amount(row.opening_credit),
                Cell::Amount(row.period_debit),
                Cell::Amount(row.period_credit),
                Cell::Amount(row.closing_debit),
                Cell::Amount(row.closing_credit),
            ]);
        }
    }
    (spec, rows)
}

fn columns_row(table: &str, item: &str, columns: &Columns) -> Vec<Cell> {
    vec![
        text(table),
        text(item),
        Cell::Amount(columns.purchased),
        Cell::Amount(columns.internal),
        Cell::Amount(columns.other),
        Cell::Amount(columns.total),
    ]
}

fn block_rows(table: &str, block: &Block, rows: &mut Vec<Vec<Cell>>) {
    rows.push(vec![text(table), text(block.title.clone())]);
    rows.push(columns_row(table, "1.期初余额", &block.opening));
    rows.push(columns_row(table, "2.本期增加金额", &block.increase));
    for detail in &block.increase_detail {
        rows.push(columns_row(
            table,
            &format!("  其中：{}", detail.label),
            &detail.values,
        ));
    }
    rows.push(columns_row(table, "3.本期减少金额", &block.decrease));
    for detail in &block.decrease_detail {
        rows.push(columns_row(
            table,
            &format!("  其中：{}", detail.label),
            &detail.values,
        ));
    }
    rows.push(columns_row(table, "4.期末余额", &block.closing));
}

fn disclosure_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Text};
    let spec = spec(
        "披露",
        &[
            ("table", "表", Text),
            ("item", "项目", Text),
            ("purchased", "外购", Amount),
            ("internal", "自行开发或加工", Amount),
            ("other", "其他方式取得", Amount),
            ("total", "合计", Amount),
        ],
    );
    let mut rows = Vec::new();
    let disclosures = &result.disclosures;
    if let Some(table) = &disclosures.intangible {
        let name = "表A 数据资源无形资产";
        for block in [&table.gross, &table.amortization, &table.impairment] {
            block_rows(name, block, &mut rows);
        }
        rows.push(columns_row(
            name,
            "四、期末账面价值",
            &table.book_value_closing,
        ));
        rows.push(columns_row(
            name,
            "四、期初账面价值",
            &table.book_value_opening,
        ));
    }
    if let Some(table) = &disclosures.inventory {
        let name = "表B 数据资源存货";
        for block in [&table.gross, &table.allowance] {
            block_rows(name, block, &mut rows);
        }
        rows.push(columns_row(
            name,
            "三、期末账面价值",
            &table.book_value_closing,
        ));
        rows.push(columns_row(
            name,
            "三、期初账面价值",
            &table.book_value_opening,
        ));
    }
    if let Some(note) = &disclosures.government_note {
        let name = "附注 无形资产—数据资产";
        for block in [&note.gross, &note.amortization] {
            block_rows(name, block, &mut rows);
        }
        let book = |label: &str, amount: Money| {
            vec![
                text(name),
                text(label),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Amount(amount),
            ]
        };
        rows.push(book("期初账面价值", note.book_value_opening));
        rows.push(book("期末账面价值", note.book_value_closing));
    }
    (spec, rows)
}

fn authorization_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Date, Text};
    let spec = spec(
        "授权登记",
        &[
            ("id", "授权编号", Text),
            ("asset_id", "资产编号", Text),
            ("licensee", "被授权方", Text),
            ("mode", "授权方式", Text),
            ("rights", "授权权利", Text),
            ("purpose", "用途", Text),
            ("fee_basis", "收费方式", Text),
            ("fee", "授权费用", Amount),
            ("start", "起始日期", Date),
            ("end", "终止日期", Date),
            ("exclusive", "是否独占", Text),
            ("state", "状态", Text),
        ],
    );
    let rows = result
        .authorizations
        .iter()
        .map(|grant| {
            let terms = grant.terms();
            let rights: Vec<&str> = terms.rights.iter().map(|r| r.label_zh()).collect();
            vec![
                text(terms.id.clone()),
                text(terms.asset_id.clone()),
                text(terms.licensee.clone()),
                text(terms.mode.to_string()),
                text(rights.join("、")),
                text(terms.purpose.label_zh()),
                text(grant.fee_basis().label_zh()),
                Cell::Amount(terms.fee),
                Cell::Date(terms.term.start),
                Cell::Date(terms.term.end),
                text(if terms.exclusive { "是" } else { "否" }),
                text(grant.state().label_zh()),
            ]
        })
        .collect();
    (spec, rows)
}

fn split_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Amount, Date, Text};
    let spec = spec(
        "收益分配",
        &[
            ("receipt_id", "收款编号", Text),
            ("date", "收款日期", Date),
            ("asset_id", "资产编号", Text),
            ("gross", "含税金额", Amount),
            ("rate", "增值税率", Text),
            ("vat", "增值税额", Amount),
            ("net", "不含税金额", Amount),
            ("party", "分成方", Text),
            ("kind", "单位类型", Text),
            ("share", "分成金额", Amount),
            ("routing", "去向", Text),
        ],
    );
    let mut rows = Vec::new();
    for split in &result.splits {
        let vat = &split.outcome.vat;
        for share in &split.outcome.shares {
            rows.push(vec![
                text(split.receipt_id.clone()),
                Cell::Date(split.date),
                text(split.asset_id.clone()),
                Cell::Amount(vat.gross),
                text(vat.rate.to_string()),
                Cell::Amount(vat.vat),
                Cell::Amount(vat.net),
                text(share.party.name.clone()),
                text(share.party.kind.label_zh()),
                Cell::Amount(share.amount),
                text(routing_label(share.routing)),
            ]);
        }
    }
    (spec, rows)
}

fn violation_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::Text;
    let spec = spec(
        "合规风险",
        &[
            ("code", "规则", Text),
            ("severity", "级别", Text),
            ("message", "说明", Text),
            ("rule", "依据", Text),
            ("subjects", "涉及记录", Text),
        ],
    );
    let rows = result
        .violations
        .iter()
        .map(|violation| {
            vec![
                text(violation.code.label_zh()),
                text(violation.severity.label_zh()),
                text(zh_or_en(&violation.message_zh, &violation.message)),
                text(violation.rule_cited.clone()),
                text(violation.subject_ids.join("、")),
            ]
        })
        .collect();
    (spec, rows)
}

fn deadline_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::{Date, Int, Text};
    let spec = spec(
        "报送期限",
        &[
            ("title", "事项", Text),
            ("due_date", "截止日期", Date),
            ("days_left", "剩余天数", Int),
            ("note", "说明", Text),
            ("source", "依据", Text),
        ],
    );
    let rows = result
        .deadlines
        .iter()
        .map(|due| {
            let (date, days, note) = match &due.due {
                DueDate::Known {
                    due_date,
                    days_left,
                } => (Cell::Date(*due_date), Cell::Int(*days_left), Cell::Empty),
                DueDate::Unknown {
                    missing_year: Some(year),
                    ..
                } => (
                    Cell::Empty,
                    Cell::Empty,
                    text(format!("待加载{year}年节假日安排后确定")),
                ),
                DueDate::Unknown { message, .. } => {
                    (Cell::Empty, Cell::Empty, text(message.clone()))
                }
            };
            vec![
                text(due.obligation.title_zh.clone()),
                date,
                days,
                note,
                text(due.obligation.source.clone()),
            ]
        })
        .collect();
    (spec, rows)
}

fn issue_sheet(result: &RunResult) -> ResultSheet {
    use ColumnKind::Text;
    let spec = spec(
        "问题",
        &[
            ("stage", "环节", Text),
            ("subject", "对象", Text),
            ("code", "代码", Text),
            ("message", "说明", Text),
        ],
    );
    let rows = result
        .issues
        .iter()
        .map(|issue| {
            vec![
                text(stage_label(&issue.stage)),
                text(issue.subject.clone()),
                text(issue.code.clone()),
                text(issue.message.clone()),
            ]
        })
        .collect();
    (spec, rows)
}

/// Names a stage of the run in Chinese, after the sheet that shows its results; a stage this
/// version does not know keeps its code.
fn stage_label(stage: &str) -> String {
    let label = match stage {
        "recognition" => "确认",
        "certificates" => "信息卡和证书",
        "vouchers" => "凭证",
        "amortization" => "摊销",
        "funds" => "资金余额",
        "trial_balance" => "试算平衡",
        "disclosures" => "披露",
        "authorizations" => "授权登记",
        "revenue" => "收益分配",
        "compliance" => "合规风险",
        "compliance.units" => "合规风险（单位制度）",
        "report" => "进度报告",
        "report.changes" => "进度报告（台账变更）",
        "deadlines" => "报送期限",
        other => other,
    };
    label.to_owned()
}

/// Picks the Chinese text for the Chinese workbook and report, or the English one when a result
/// read from older JSON has no Chinese text.
fn zh_or_en(zh: &str, en: &str) -> String {
    if zh.is_empty() { en } else { zh }.to_owned()
}

/// Renders a cell for a Markdown table: amounts with two decimals, one line, `|` escaped.
fn markdown_cell(cell: &Cell) -> String {
    let text = match cell {
        Cell::Amount(amount) => amount.to_string(),
        other => other.to_text(),
    };
    markdown_text(&text).replace('|', "\\|")
}

/// Makes ledger text inert in Markdown. `<` and `>` become entities, so no HTML from a cell is
/// rendered, and line breaks become spaces. Bidirectional controls (U+202A to U+202E, U+2066 to
/// U+2069) become U+FFFD, because they can make a line read differently from its content.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => out.push('\u{fffd}'),
            other => out.push(other),
        }
    }
    out
}

/// Renders the run as Markdown: the unit, what was assumed or left out, then the results.
pub fn report_markdown(result: &RunResult) -> String {
    let mut md = String::new();
    let unit = &result.unit;
    let _ = writeln!(
        md,
        "# 数据资产管理运行结果：{}\n",
        markdown_text(&unit.name)
    );
    let _ = writeln!(
        md,
        "统一社会信用代码 {}；单位类型 {}；行政区划 {}；截止日期 {}\n",
        unit.uscc.as_str(),
        unit.kind.label_zh(),
        unit.region_code.as_str(),
        result.as_of
    );
    if !unit.note.is_empty() {
        let _ = writeln!(md, "> {}\n", markdown_text(&unit.note));
    }
    for (spec, rows) in result_sheets(result).iter().skip(1) {
        let _ = writeln!(md, "## {}\n", spec.name);
        let mut rows: Vec<&Vec<Cell>> = rows.iter().collect();
        if spec.name == "凭证" {
            // Monthly amortization would swamp the report; the workbook lists every line.
            let before = rows.len();
            rows.retain(|row| {
                !row.first()
                    .is_some_and(|id| id.to_text().contains(":amortize:"))
            });
            let amortization_lines = before - rows.len();
            if amortization_lines > 0 {
                let _ = writeln!(
                    md,
                    "月度摊销分录 {amortization_lines} 行未列出，见 {RESULTS_XLSX} 的“凭证”和“摊销”表。\n"
                );
            }
        }
        if rows.is_empty() {
            let _ = writeln!(md, "无\n");
            continue;
        }
        let _ = writeln!(md, "| {} |", spec.headers().join(" | "));
        let _ = writeln!(md, "|{}", " --- |".repeat(spec.columns.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(markdown_cell).collect();
            let _ = writeln!(md, "| {} |", cells.join(" | "));
        }
        md.push('\n');
    }
    if let Some(report) = &result.progress_report {
        md.push_str(&render_markdown(report));
        md.push('\n');
    }
    let _ = writeln!(md, "## 假设与未执行环节\n");
    for assumption in &result.assumptions {
        let _ = writeln!(md, "- 假设：{assumption}");
    }
    for note in &result.stages_omitted {
        let _ = writeln!(md, "- 未执行 {}：{}", stage_label(&note.stage), note.reason);
    }
    md
}
