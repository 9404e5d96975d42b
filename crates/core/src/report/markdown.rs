//! Markdown rendering of the report, with Chinese headings for the city finance bureau.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::period::date_zh;
use super::{ProgressReport, Tally};
use crate::calendar::DueDate;
use crate::money::{Amount, FEN_SCALE, RoundingRule};
use crate::revenue::Routing;

/// Formats an amount in yuan with two decimals and thousands separators: `1,234,567.89`.
///
/// The amount is first rounded to the fen with [`RoundingRule::HalfUp`] (四舍五入); amounts
/// the report has validated are already exact to the fen, so this changes none of them.
///
/// ```
/// use data_assets_core::money::Amount;
/// use data_assets_core::report::format_amount;
/// assert_eq!(format_amount(Amount::from_fen(123_456_789)), "1,234,567.89");
/// assert_eq!(format_amount(Amount::from_fen(-5)), "-0.05");
/// assert_eq!(format_amount(Amount::ZERO), "0.00");
/// ```
pub fn format_amount(amount: Amount) -> String {
    let mut value = amount.round_fen(RoundingRule::HalfUp).value();
    value.rescale(FEN_SCALE);
    let fen = value.mantissa();
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let yuan = (fen / 100).to_string();
    let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
    for (index, digit) in yuan.chars().enumerate() {
        if index > 0 && (yuan.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}.{:02}", fen % 100)
}

/// Escapes a text for a Markdown table cell: a pipe would end the cell and a line break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

fn routing_label_zh(routing: Routing) -> &'static str {
    match routing {
        Routing::RemitToTreasury => "上缴国库（应缴财政款）",
        Routing::InstitutionCoreRevenue => "事业单位留用：事业收入",
        Routing::InstitutionBusinessRevenue => "事业单位留用：经营收入",
        Routing::InstitutionOtherRevenue => "事业单位留用：其他收入",
        Routing::EnterpriseRevenue => "企业收入",
    }
}

/// Renders the report as Markdown with Chinese headings (一、总体情况 to 七、后续报送节点).
///
/// The output is a deterministic function of the report: rows follow the report's own sorted
/// order, and every amount is printed by [`format_amount`].
pub fn render_markdown(report: &ProgressReport) -> String {
    let mut out = String::new();
    header(report, &mut out);
    overview(report, &mut out);
    changes(report, &mut out);
    registrations(report, &mut out);
    authorizations(report, &mut out);
    revenue(report, &mut out);
    risks(report, &mut out);
    deadlines(report, &mut out);
    out
}

// Writing to a String cannot fail, so the results of writeln! are ignored below.

fn header(report: &ProgressReport, out: &mut String) {
    let unit = &report.unit;
    let period = &report.period;
    let _ = writeln!(
        out,
        "# {}数据资产管理试点工作进展情况（{}）\n",
        cell(&unit.name),
        period.label_zh()
    );
    let _ = writeln!(out, "- 报送单位：{}", cell(&unit.name));
    let _ = writeln!(out, "- 单位类型：{}", unit.kind.label_zh());
    if let Some(code) = &unit.region_code {
        let _ = writeln!(out, "- 行政区划代码：{code}");
    }
    let _ = writeln!(
        out,
        "- 报告期间：{}至{}",
        date_zh(period.start()),
        date_zh(period.end())
    );
    out.push('\n');
}

fn tally_table<K: std::fmt::Display>(
    out: &mut String,
    key_heading: &str,
    rows: &BTreeMap<K, Tally>,
    total: Tally,
) {
    let _ = writeln!(out, "| {key_heading} | 数量（项） | 账面价值（元） |");
    out.push_str("| --- | ---: | ---: |\n");
    for (key, tally) in rows {
        let _ = writeln!(
            out,
            "| {key} | {} | {} |",
            tally.count,
            format_amount(tally.book_value)
        );
    }
    let _ = writeln!(
        out,
        "| 合计 | {} | {} |\n",
        total.count,
        format_amount(total.book_value)
    );
}

fn overview(report: &ProgressReport, out: &mut String) {
    let holdings = &report.holdings;
    out.push_str("## 一、总体情况\n\n");
    let _ = writeln!(
        out,
        "期末在册数据资产{}项，账面价值合计{}元；其中已登记{}项，已取得证书{}项，台账标注为授权运营{}项。\
         已处置{}项，不计入上述数据。\n",
        holdings.total.count,
        format_amount(holdings.total.book_value),
        holdings.registered_count,
        holdings.certified_count,
        holdings.authorized_count,
        holdings.disposed_count,
    );
    out.push_str("### 按入账状态\n\n");
    tally_table(out, "入账状态", &holdings.by_status, holdings.total);
    out.push_str("### 按数据类别\n\n");
    tally_table(out, "数据类别", &holdings.by_category, holdings.total);
}

fn changes(report: &ProgressReport, out: &mut String) {
    let section = &report.changes;
    out.push_str("## 二、本期变动\n\n");
    let counts: Vec<String> = section
        .by_kind
        .iter()
        .map(|(kind, count)| format!("{kind}{count}项"))
        .collect();
    let _ = writeln!(out, "本期台账{}。\n", counts.join("、"));
    if section.lines.is_empty() {
        return;
    }
    out.push_str(
        "| 日期 | 资产编号 | 资产名称 | 变动类型 | 摘要 |\n| --- | --- | --- | --- | --- |\n",
    );
    for line in &section.lines {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            line.date,
            cell(&line.asset_id),
            cell(&line.asset_name),
            line.kind,
            cell(&line.summary),
        );
    }
    out.push('\n');
}

fn registrations(report: &ProgressReport, out: &mut String) {
    let section = &report.registrations;
    out.push_str("## 三、登记与证书\n\n");
    let counts: Vec<String> = section
        .by_kind
        .iter()
        .map(|(kind, count)| format!("{kind}{count}件"))
        .collect();
    let _ = writeln!(
        out,
        "本期办理{}，取得数据资产证书{}张。\n",
        counts.join("、"),
        section.certificates_issued
    );
    if section.lines.is_empty() {
        return;
    }
    out.push_str(
        "| 日期 | 资产编号 | 资产名称 | 登记类型 | 证书编号 |\n| --- | --- | --- | --- | --- |\n",
    );
    for line in &section.lines {
        let number = line
            .certificate_number
            .as_deref()
            .map_or_else(|| "—".to_owned(), cell);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {number} |",
            line.date,
            cell(&line.asset_id),
            cell(&line.asset_name),
            line.kind,
        );
    }
    out.push('\n');
}

fn authorizations(report: &ProgressReport, out: &mut String) {
    let section = &report.authorizations;
    out.push_str("## 四、授权运营\n\n");
    let _ = writeln!(
        out,
        "按授权记录统计：期末有效授权{}项，本期新增授权{}项，待审批{}项。\n",
        section.total.active_at_end, section.total.granted_in_period, section.pending
    );
    out.push_str("| 授权方式 | 期末有效（项） | 本期新增（项） |\n| --- | ---: | ---: |\n");
    for (mode, tally) in &section.by_mode {
        let _ = writeln!(
            out,
            "| {mode} | {} | {} |",
            tally.active_at_end, tally.granted_in_period
        );
    }
    out.push('\n');
    if section.by_purpose.is_empty() {
        return;
    }
    out.push_str("| 授权用途 | 期末有效（项） | 本期新增（项） |\n| --- | ---: | ---: |\n");
    for (purpose, tally) in &section.by_purpose {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(purpose),
            tally.active_at_end,
            tally.granted_in_period
        );
    }
    out.push('\n');
}

fn revenue(report: &ProgressReport, out: &mut String) {
    let section = &report.revenue;
    out.push_str("## 五、收益情况\n\n");
    let _ = writeln!(
        out,
        "本期收到数据资产收益{}笔，含税金额{}元，其中上缴国库{}元。\n",
        section.receipt_count,
        format_amount(section.gross),
        format_amount(section.remitted_to_treasury),
    );
    out.push_str("| 项目 | 金额（元） |\n| --- | ---: |\n");
    let rows = [
        ("含税收入", section.gross),
        ("销项税额", section.vat),
        ("不含税收入", section.net),
        ("其中：上缴国库", section.remitted_to_treasury),
        ("其中：事业单位留用", section.retained_by_institution),
        ("其中：企业收入", section.enterprise_revenue),
    ];
    for (label, amount) in rows {
        let _ = writeln!(out, "| {label} | {} |", format_amount(amount));
    }
    out.push('\n');
    out.push_str("| 收益去向 | 金额（元） |\n| --- | ---: |\n");
    for row in &section.by_routing {
        let _ = writeln!(
            out,
            "| {} | {} |",
            routing_label_zh(row.routing),
            format_amount(row.amount)
        );
    }
    out.push('\n');
}

fn risks(report: &ProgressReport, out: &mut String) {
    let section = &report.risks;
    out.push_str("## 六、风险事项\n\n");
    let counts: Vec<String> = section
        .open_by_severity
        .iter()
        .map(|(severity, count)| format!("{severity}{count}项"))
        .collect();
    let _ = writeln!(
        out,
        "未整改风险事项{}项（{}），已整改{}项。\n",
        section.open.len(),
        counts.join("、"),
        section.closed
    );
    if section.open.is_empty() {
        return;
    }
    out.push_str("| 级别 | 代码 | 对象 | 说明 | 依据 |\n| --- | --- | --- | --- | --- |\n");
    for violation in &section.open {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            violation.severity,
            cell(&violation.code),
            cell(&violation.subject),
            cell(&violation.message),
            cell(&violation.rule),
        );
    }
    out.push('\n');
}

fn deadlines(report: &ProgressReport, out: &mut String) {
    out.push_str("## 七、后续报送节点\n\n");
    if report.deadlines.is_empty() {
        out.push_str("无待办报送事项。\n");
        return;
    }
    out.push_str("剩余天数为自截止日期起算的日历天数。\n\n");
    out.push_str("| 事项 | 截止日期 | 剩余天数 |\n| --- | --- | ---: |\n");
    for due in &report.deadlines {
        let (date, days) = match &due.due {
            DueDate::Known {
                due_date,
                days_left,
            } => (date_zh(*due_date), days_left.to_string()),
            DueDate::Unknown {
                missing_year: Some(year),
                ..
            } => (format!("待加载{year}年节假日安排后确定"), "—".to_owned()),
            DueDate::Unknown { message, .. } => (cell(message), "—".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {date} | {days} |",
            cell(&due.obligation.title_zh)
        );
    }
}
