//! Charts of accounts as data: 政府会计制度 financial and budget accounts, and the enterprise chart
//! of the 企业会计准则应用指南 appendix, with the detail accounts used for data assets.
//!
//! Vouchers and ledgers must show the account name, or the name and the code, never the code alone
//! (政府会计制度——行政事业单位会计科目和报表, part 1 general rules). Every [`AccountRef`] therefore
//! carries both.

use serde::{Deserialize, Serialize};

/// An account or detail account: its code and its full Chinese name. A detail account keeps the
/// code of its parent and joins the names with `—`, such as `1703 研发支出—研究支出`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
pub struct AccountRef {
    /// Account code, such as `1701`.
    pub code: &'static str,
    /// Full account name, such as `无形资产—数据资产`.
    pub name: &'static str,
}

impl AccountRef {
    const fn new(code: &'static str, name: &'static str) -> Self {
        AccountRef { code, name }
    }
}

/// Chart an account belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// 政府会计制度 财务会计 accounts (accrual basis).
    GovernmentFinancial,
    /// 政府会计制度 预算会计 accounts (cash basis).
    GovernmentBudget,
    /// 企业会计准则 accounts.
    Enterprise,
}

macro_rules! accounts {
    ($($code:literal $name:literal),+ $(,)?) => {
        &[$(AccountRef::new($code, $name)),+]
    };
}

/// The 77 financial accounts of 政府会计制度 (财会〔2017〕25号), in code order.
pub const GOVERNMENT_FINANCIAL: &[AccountRef] = accounts![
    "1001" "库存现金", "1002" "银行存款", "1011" "零余额账户用款额度", "1021" "其他货币资金",
    "1101" "短期投资", "1201" "财政应返还额度", "1211" "应收票据", "1212" "应收账款",
    "1214" "预付账款", "1215" "应收股利", "1216" "应收利息", "1218" "其他应收款",
    "1219" "坏账准备", "1301" "在途物品", "1302" "库存物品", "1303" "加工物品",
    "1401" "待摊费用", "1501" "长期股权投资", "1502" "长期债券投资", "1601" "固定资产",
    "1602" "固定资产累计折旧", "1611" "工程物资", "1613" "在建工程", "1701" "无形资产",
    "1702" "无形资产累计摊销", "1703" "研发支出", "1801" "公共基础设施",
    "1802" "公共基础设施累计折旧（摊销）", "1811" "政府储备物资", "1821" "文物文化资产",
    "1831" "保障性住房", "1832" "保障性住房累计折旧", "1891" "受托代理资产",
    "1901" "长期待摊费用", "1902" "待处理财产损溢",
    "2001" "短期借款", "2101" "应交增值税", "2102" "其他应交税费", "2103" "应缴财政款",
    "2201" "应付职工薪酬", "2301" "应付票据", "2302" "应付账款", "2303" "应付政府补贴款",
    "2304" "应付利息", "2305" "预收账款", "2307" "其他应付款", "2401" "预提费用",
    "2501" "长期借款", "2502" "长期应付款", "2601" "预计负债", "2901" "受托代理负债",
    "3001" "累计盈余", "3101" "专用基金", "3201" "权益法调整", "3301" "本期盈余",
    "3302" "本年盈余分配", "3401" "无偿调拨净资产", "3501" "以前年度盈余调整",
    "4001" "财政拨款收入", "4101" "事业收入", "4201" "上级补助收入", "4301" "附属单位上缴收入",
    "4401" "经营收入", "4601" "非同级财政拨款收入", "4602" "投资收益", "4603" "捐赠收入",
    "4604" "利息收入", "4605" "租金收入", "4609" "其他收入",
    "5001" "业务活动费用", "5101" "单位管理费用", "5201" "经营费用", "5301" "资产处置费用",
    "5401" "上缴上级费用", "5501" "对附属单位补助费用", "5801" "所得税费用", "5901" "其他费用",
];

/// The 26 budget accounts of 政府会计制度 (财会〔2017〕25号), in code order.
pub const GOVERNMENT_BUDGET: &[AccountRef] = accounts![
    "6001" "财政拨款预算收入", "6101" "事业预算收入", "6201" "上级补助预算收入",
    "6301" "附属单位上缴预算收入", "6401" "经营预算收入", "6501" "债务预算收入",
    "6601" "非同级财政拨款预算收入", "6602" "投资预算收益", "6609" "其他预算收入",
    "7101" "行政支出", "7201" "事业支出", "7301" "经营支出", "7401" "上缴上级支出",
    "7501" "对附属单位补助支出", "7601" "投资支出", "7701" "债务还本支出", "7901" "其他支出",
    "8001" "资金结存", "8101" "财政拨款结转", "8102" "财政拨款结余", "8201" "非财政拨款结转",
    "8202" "非财政拨款结余", "8301" "专用结余", "8401" "经营结余", "8501" "其他结余",
    "8701" "非财政拨款结余分配",
];

/// The enterprise accounts used for data resources (企业会计准则应用指南 appendix).
///
/// NOTE: 6115 资产处置收益 follows 财会〔2017〕30号 for the account; its code is the one common
/// charts use, since no official code was confirmed.
pub const ENTERPRISE: &[AccountRef] = accounts![
    "1001" "库存现金", "1002" "银行存款", "1122" "应收账款", "1123" "预付账款",
    "1403" "原材料", "1405" "库存商品", "1471" "存货跌价准备", "1602" "累计折旧",
    "1604" "在建工程", "1701" "无形资产", "1702" "累计摊销", "1703" "无形资产减值准备",
    "1711" "商誉", "1901" "待处理财产损溢", "2202" "应付账款", "2211" "应付职工薪酬",
    "2221" "应交税费", "5101" "制造费用", "5301" "研发支出", "6001" "主营业务收入",
    "6051" "其他业务收入", "6115" "资产处置收益", "6301" "营业外收入", "6401" "主营业务成本",
    "6402" "其他业务成本", "6403" "税金及附加", "6601" "销售费用", "6602" "管理费用",
    "6701" "资产减值损失", "6711" "营业外支出", "6801" "所得税费用",
];

/// Returns the accounts of `chart`.
pub const fn accounts(chart: ChartKind) -> &'static [AccountRef] {
    match chart {
        ChartKind::GovernmentFinancial => GOVERNMENT_FINANCIAL,
        ChartKind::GovernmentBudget => GOVERNMENT_BUDGET,
        ChartKind::Enterprise => ENTERPRISE,
    }
}

/// Finds the top-level account with `code` in `chart`.
///
/// ```
/// use data_assets_core::accounting::chart::{find, ChartKind};
/// assert_eq!(find(ChartKind::GovernmentFinancial, "1702").unwrap().name, "无形资产累计摊销");
/// assert_eq!(find(ChartKind::Enterprise, "1702").unwrap().name, "累计摊销");
/// ```
pub fn find(chart: ChartKind, code: &str) -> Option<AccountRef> {
    accounts(chart).iter().copied().find(|a| a.code == code)
}

/// Declares named [`AccountRef`] constants, one per `NAME = "code" "name";` entry.
macro_rules! account {
    ($($(#[$m:meta])* $id:ident = $code:literal $name:literal;)+) => {
        $($(#[$m])* pub const $id: AccountRef = AccountRef::new($code, $name);)+
    };
}

/// Accounts and detail accounts the government posting rules use (政府会计制度 account
/// instructions for 1701, 1702, 1703, 2103, 3401, 4001, 6001, 7101, 7201 and 8001).
pub mod gov {
    use super::AccountRef;

    account! {
        /// 1002 银行存款.
        BANK = "1002" "银行存款";
        /// 1011 零余额账户用款额度.
        ZERO_BALANCE_QUOTA = "1011" "零余额账户用款额度";
        /// 1212 应收账款.
        RECEIVABLE = "1212" "应收账款";
        /// 1214 预付账款.
        PREPAYMENT = "1214" "预付账款";
        /// 1302 库存物品.
        STORES = "1302" "库存物品";
        /// 1303 加工物品.
        PROCESSED_GOODS = "1303" "加工物品";
        /// 1602 固定资产累计折旧.
        DEPRECIATION = "1602" "固定资产累计折旧";
        /// 1613 在建工程.
        CONSTRUCTION = "1613" "在建工程";
        /// 1701 无形资产—数据资产.
        INTANGIBLE = "1701" "无形资产—数据资产";
        /// 1702 无形资产累计摊销.
        ACCUMULATED_AMORTIZATION = "1702" "无形资产累计摊销";
        /// 1703 研发支出—研究支出.
        RESEARCH = "1703" "研发支出—研究支出";
        /// 1703 研发支出—开发支出.
        DEVELOPMENT = "1703" "研发支出—开发支出";
        /// 1902 待处理财产损溢—待处理财产价值.
        PENDING_LOSS = "1902" "待处理财产损溢—待处理财产价值";
        /// 2101 应交增值税—应交税金（进项税额）, for a general VAT taxpayer.
        VAT_INPUT = "2101" "应交增值税—应交税金（进项税额）";
        /// 2101 应交增值税—应交税金（销项税额）, for a general VAT taxpayer.
        VAT_OUTPUT = "2101" "应交增值税—应交税金（销项税额）";
        /// 2101 应交增值税, for a small-scale VAT taxpayer (no detail columns).
        VAT_SMALL_SCALE = "2101" "应交增值税";
        /// 2103 应缴财政款.
        PAYABLE_TO_TREASURY = "2103" "应缴财政款";
        /// 2201 应付职工薪酬.
        SALARY_PAYABLE = "2201" "应付职工薪酬";
        /// 2302 应付账款.
        ACCOUNTS_PAYABLE = "2302" "应付账款";
        /// 3401 无偿调拨净资产.
        TRANSFERRED_NET_ASSETS = "3401" "无偿调拨净资产";
        /// 4001 财政拨款收入.
        APPROPRIATION_REVENUE = "4001" "财政拨款收入";
        /// 4101 事业收入.
        PROFESSIONAL_REVENUE = "4101" "事业收入";
        /// 4401 经营收入.
        OPERATING_REVENUE = "4401" "经营收入";
        /// 4603 捐赠收入.
        DONATION_REVENUE = "4603" "捐赠收入";
        /// 4609 其他收入.
        OTHER_REVENUE = "4609" "其他收入";
        /// 5001 业务活动费用.
        BUSINESS_EXPENSE = "5001" "业务活动费用";
        /// 5101 单位管理费用 (事业单位 only).
        MANAGEMENT_EXPENSE = "5101" "单位管理费用";
        /// 5201 经营费用.
        OPERATING_EXPENSE = "5201" "经营费用";
        /// 5301 资产处置费用.
        DISPOSAL_EXPENSE = "5301" "资产处置费用";
        /// 5901 其他费用.
        OTHER_EXPENSE = "5901" "其他费用";
        /// 6001 财政拨款预算收入.
        APPROPRIATION_BUDGET_REVENUE = "6001" "财政拨款预算收入";
        /// 6101 事业预算收入.
        PROFESSIONAL_BUDGET_REVENUE = "6101" "事业预算收入";
        /// 6401 经营预算收入.
        OPERATING_BUDGET_REVENUE = "6401" "经营预算收入";
        /// 6609 其他预算收入.
        OTHER_BUDGET_REVENUE = "6609" "其他预算收入";
        /// 7101 行政支出 (行政单位).
        ADMINISTRATIVE_EXPENDITURE = "7101" "行政支出";
        /// 7201 事业支出 (事业单位).
        PROFESSIONAL_EXPENDITURE = "7201" "事业支出";
        /// 7301 经营支出.
        OPERATING_EXPENDITURE = "7301" "经营支出";
        /// 7901 其他支出.
        OTHER_EXPENDITURE = "7901" "其他支出";
        /// 8001 资金结存—零余额账户用款额度.
        FUNDS_QUOTA = "8001" "资金结存—零余额账户用款额度";
        /// 8001 资金结存—货币资金.
        FUNDS_MONEY = "8001" "资金结存—货币资金";
        /// 8001 资金结存—财政应返还额度.
        FUNDS_RECEIVABLE_QUOTA = "8001" "资金结存—财政应返还额度";
    }
}

/// Accounts and detail accounts the enterprise posting rules use (企业会计准则应用指南 appendix;
/// 企业数据资源相关会计处理暂行规定 for the 数据资源 details).
pub mod ent {
    use super::AccountRef;

    account! {
        /// 1002 银行存款.
        BANK = "1002" "银行存款";
        /// 1122 应收账款.
        RECEIVABLE = "1122" "应收账款";
        /// 1123 预付账款.
        PREPAYMENT = "1123" "预付账款";
        /// 1403 原材料.
        MATERIALS = "1403" "原材料";
        /// 1405 库存商品—数据资源.
        INVENTORY = "1405" "库存商品—数据资源";
        /// 1471 存货跌价准备—数据资源.
        INVENTORY_ALLOWANCE = "1471" "存货跌价准备—数据资源";
        /// 1602 累计折旧.
        DEPRECIATION = "1602" "累计折旧";
        /// 1604 在建工程.
        CONSTRUCTION = "1604" "在建工程";
        /// 1701 无形资产—数据资源.
        INTANGIBLE = "1701" "无形资产—数据资源";
        /// 1702 累计摊销.
        ACCUMULATED_AMORTIZATION = "1702" "累计摊销";
        /// 1703 无形资产减值准备.
        IMPAIRMENT_ALLOWANCE = "1703" "无形资产减值准备";
        /// 1901 待处理财产损溢.
        PENDING_LOSS = "1901" "待处理财产损溢";
        /// 2202 应付账款.
        ACCOUNTS_PAYABLE = "2202" "应付账款";
        /// 2211 应付职工薪酬.
        SALARY_PAYABLE = "2211" "应付职工薪酬";
        /// 2221 应交税费—应交增值税（进项税额）.
        VAT_INPUT = "2221" "应交税费—应交增值税（进项税额）";
        /// 2221 应交税费—应交增值税（销项税额）.
        VAT_OUTPUT = "2221" "应交税费—应交增值税（销项税额）";
        /// 2221 应交税费—应交增值税, for a small-scale taxpayer.
        VAT_SMALL_SCALE = "2221" "应交税费—应交增值税";
        /// 5101 制造费用.
        MANUFACTURING_OVERHEAD = "5101" "制造费用";
        /// 5301 研发支出—费用化支出.
        RD_EXPENSED = "5301" "研发支出—费用化支出";
        /// 5301 研发支出—资本化支出.
        RD_CAPITALIZED = "5301" "研发支出—资本化支出";
        /// 6001 主营业务收入.
        MAIN_REVENUE = "6001" "主营业务收入";
        /// 6115 资产处置收益.
        DISPOSAL_GAIN = "6115" "资产处置收益";
        /// 6301 营业外收入.
        NON_OPERATING_INCOME = "6301" "营业外收入";
        /// 6401 主营业务成本.
        MAIN_COST = "6401" "主营业务成本";
        /// 6402 其他业务成本.
        OTHER_COST = "6402" "其他业务成本";
        /// 6601 销售费用.
        SELLING_EXPENSE = "6601" "销售费用";
        /// 6602 管理费用.
        ADMINISTRATIVE_EXPENSE = "6602" "管理费用";
        /// 6602 管理费用—研发费用.
        RD_EXPENSE = "6602" "管理费用—研发费用";
        /// 6701 资产减值损失.
        IMPAIRMENT_LOSS = "6701" "资产减值损失";
        /// 6711 营业外支出.
        NON_OPERATING_EXPENSE = "6711" "营业外支出";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_chart_sizes() {
        assert_eq!(GOVERNMENT_FINANCIAL.len(), 77);
        assert_eq!(GOVERNMENT_BUDGET.len(), 26);
    }

    #[test]
    fn detail_accounts_exist_in_charts() {
        for detail in [
            gov::INTANGIBLE,
            gov::RESEARCH,
            gov::FUNDS_QUOTA,
            gov::VAT_OUTPUT,
        ] {
            let parent = find(ChartKind::GovernmentFinancial, detail.code)
                .or_else(|| find(ChartKind::GovernmentBudget, detail.code))
                .unwrap();
            assert!(detail.name.starts_with(parent.name), "{}", detail.name);
        }
        for detail in [
            ent::INTANGIBLE,
            ent::RD_CAPITALIZED,
            ent::INVENTORY,
            ent::VAT_INPUT,
        ] {
            let parent = find(ChartKind::Enterprise, detail.code).unwrap();
            assert!(detail.name.starts_with(parent.name), "{}", detail.name);
        }
    }

    #[test]
    fn codes_are_unique() {
        for chart in [
            ChartKind::GovernmentFinancial,
            ChartKind::GovernmentBudget,
            ChartKind::Enterprise,
        ] {
            let list = accounts(chart);
            let mut codes: Vec<&str> = list.iter().map(|a| a.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
    }
}
