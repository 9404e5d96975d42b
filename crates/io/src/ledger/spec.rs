//! Sheet specifications of the ledger workbook: 单位, 台账, 事项, 授权 and 收益.
//!
//! Every enum column offers the Chinese labels of its vocabulary as a drop-down. Columns with
//! several values (rights, source systems) separate them with `、`. The split rule of a receipt
//! is written `名称:比例;名称:比例`, and a second column lists the parties' unit kinds in the
//! same order.

use data_assets_core::accounting::{ExpenseUse, Funding, VatStatus};
use data_assets_core::asset::{
    AcquisitionRoute, BookingStatus, DataCategory, HoldingPurpose, OpenType, PersonalDataBasis,
    RightsRegistration, SecurityGrade, SharingType, UpdateFrequency,
};
use data_assets_core::authorization::{AuthorizationState, Purpose};
use data_assets_core::entity::EntityKind;

use crate::draft::{YES_NO, labels};
use crate::table::{ColumnKind, ColumnSpec, SheetSpec};

/// Sheet of the reporting unit: one data row.
pub const UNIT_SHEET: &str = "单位";
/// Sheet of the assets (台账): one row per data asset.
pub const ASSET_SHEET: &str = "台账";
/// Sheet of the accounting events (事项).
pub const EVENT_SHEET: &str = "事项";
/// Sheet of the authorized-operation grants (授权).
pub const AUTHORIZATION_SHEET: &str = "授权";
/// Sheet of the receipts to split (收益).
pub const RECEIPT_SHEET: &str = "收益";

/// Separator between values in one cell, such as rights or source systems.
pub const LIST_SEPARATOR: &str = "、";

/// Payment sources with their Chinese labels, in drop-down order.
pub const FUNDING_LABELS: &[(Funding, &str)] = &[
    (Funding::DirectTreasury, "财政直接支付"),
    (Funding::AuthorizedQuota, "财政授权支付"),
    (Funding::BankDeposit, "银行存款"),
    (Funding::AccountsPayable, "应付账款"),
    (Funding::SalaryPayable, "应付职工薪酬"),
    (Funding::StoresIssued, "库存物品"),
    (Funding::Depreciation, "设备折旧"),
];

/// Uses an expense serves, with their Chinese labels, in drop-down order.
pub const EXPENSE_USE_LABELS: &[(ExpenseUse, &str)] = &[
    (ExpenseUse::Business, "业务活动"),
    (ExpenseUse::Management, "单位管理"),
    (ExpenseUse::Operating, "经营活动"),
    (ExpenseUse::OtherOperating, "其他业务"),
    (ExpenseUse::Selling, "销售"),
    (ExpenseUse::ConstructionCost, "在建工程"),
    (ExpenseUse::ProductionCost, "生产加工"),
];

/// Authorization modes with their Chinese labels.
pub const MODE_LABELS: [&str; 3] = ["整体授权", "分领域授权", "依场景授权"];

data_assets_core::vocab! {
    /// Type of an event row in the 事项 sheet. Each maps to one accounting event kind; the
    /// amount columns it reads are listed in [`crate::ledger::events`].
    pub enum EventType {
        /// 外购: purchase, with its payment source in 资金来源.
        Purchase = ("purchase", "外购"),
        /// 低值外购（费用化）: a purchase below the low-value threshold, expensed.
        ExpensedPurchase = ("expensed_purchase", "低值外购（费用化）"),
        /// 委托开发预付款.
        CommissionPrepayment = ("commission_prepayment", "委托开发预付款"),
        /// 委托开发交付 with the full development fee.
        CommissionDelivery = ("commission_delivery", "委托开发交付"),
        /// 研究阶段支出.
        ResearchCost = ("research_cost", "研究阶段支出"),
        /// 开发阶段支出.
        DevelopmentCost = ("development_cost", "开发阶段支出"),
        /// 结转研究阶段支出.
        ResearchTransfer = ("research_transfer", "结转研究阶段支出"),
        /// 开发完成转入无形资产.
        DevelopmentCompleted = ("development_completed", "开发完成"),
        /// 开发终止转销.
        DevelopmentAbandoned = ("development_abandoned", "开发终止"),
        /// 升级改造开始 (amortization pauses).
        UpgradeStart = ("upgrade_start", "升级改造开始"),
        /// 升级改造支出 (capitalized).
        UpgradeSpending = ("upgrade_spending", "升级改造支出"),
        /// 升级改造完成.
        UpgradeFinish = ("upgrade_finish", "升级改造完成"),
        /// 日常维护 (expensed).
        Maintenance = ("maintenance", "日常维护"),
        /// 收取使用费.
        LicenceFee = ("licence_fee", "收取使用费"),
        /// 出售.
        Sale = ("sale", "出售"),
        /// 上缴财政款.
        Remittance = ("remittance", "上缴财政款"),
        /// 无偿调出.
        TransferOut = ("transfer_out", "无偿调出"),
        /// 无偿调入 at the transferor's book value.
        TransferIn = ("transfer_in", "无偿调入"),
        /// 无偿调入 of an asset whose book value is zero, at its gross amount.
        TransferInZeroBook = ("transfer_in_zero_book", "无偿调入（账面价值为零）"),
        /// 无偿调入 at the nominal amount of one yuan.
        TransferInNominal = ("transfer_in_nominal", "无偿调入（名义金额）"),
        /// 接受捐赠 (an empty amount books the nominal amount).
        DonationIn = ("donation_in", "接受捐赠"),
        /// 核销.
        WriteOff = ("write_off", "核销"),
        /// 盘亏.
        StocktakeLoss = ("stocktake_loss", "盘亏"),
        /// 盘亏报经批准处理.
        StocktakeLossApproved = ("stocktake_loss_approved", "盘亏批准处理"),
        /// 计提无形资产减值准备 (enterprises only).
        Impairment = ("impairment", "计提减值准备"),
        /// 购入数据资源存货 (enterprises only).
        InventoryPurchase = ("inventory_purchase", "购入数据存货"),
        /// 数据资源存货采集加工 (enterprises only).
        InventoryProcessing = ("inventory_processing", "数据存货加工"),
        /// 出售数据资源存货 (enterprises only).
        InventorySale = ("inventory_sale", "出售数据存货"),
        /// 计提存货跌价准备, a write-down to net realizable value (enterprises only).
        InventoryWriteDown = ("inventory_write_down", "计提存货跌价准备"),
        /// 转回存货跌价准备 (enterprises only).
        InventoryWriteDownReversal = ("inventory_write_down_reversal", "转回存货跌价准备"),
        /// 财政授权支付额度到账.
        QuotaReceived = ("quota_received", "授权支付额度到账"),
        /// 财政专户返还收入.
        FeeReturned = ("fee_returned", "财政专户返还"),
    }
}

fn pairs<T>(list: &[(T, &'static str)]) -> Vec<&'static str> {
    list.iter().map(|(_, label)| *label).collect()
}

fn yes_no() -> ColumnKind {
    ColumnKind::Enum(YES_NO.to_vec())
}

/// Declares the 单位 sheet: one row naming the unit whose ledger this is.
pub fn unit_spec() -> SheetSpec {
    use ColumnKind::{Enum, Text};
    SheetSpec {
        name: UNIT_SHEET,
        columns: vec![
            ColumnSpec::new("name", "单位名称", Text, true),
            ColumnSpec::new("uscc", "统一社会信用代码", Text, true),
            ColumnSpec::new(
                "kind",
                "单位类型",
                Enum(labels(EntityKind::ALL, EntityKind::label_zh)),
                true,
            ),
            ColumnSpec::new("region_code", "行政区划代码", Text, true),
            ColumnSpec::new(
                "vat_status",
                "增值税纳税人身份",
                Enum(labels(VatStatus::ALL, VatStatus::label_zh)),
                false,
            ),
            ColumnSpec::new("note", "备注", Text, false),
        ],
    }
}

/// Declares the 台账 sheet: every field of a data asset, one row per asset.
pub fn asset_spec() -> SheetSpec {
    use ColumnKind::{Amount, Date, Enum, Int, Text};
    let column = ColumnSpec::new;
    SheetSpec {
        name: ASSET_SHEET,
        columns: vec![
            column("id", "资产编号", Text, true),
            column("name", "资产名称", Text, true),
            column("summary", "简介", Text, false),
            column("holder_name", "持有单位", Text, false),
            column("holder_uscc", "持有单位统一社会信用代码", Text, false),
            column(
                "category",
                "数据来源分类",
                Enum(labels(DataCategory::ALL, DataCategory::label_zh)),
                true,
            ),
            column(
                "security_grade",
                "安全级别",
                Enum(labels(SecurityGrade::ALL, SecurityGrade::label_zh)),
                true,
            ),
            column(
                "open_type",
                "开放属性",
                Enum(labels(OpenType::ALL, OpenType::label_zh)),
                true,
            ),
            column("open_conditions", "开放条件", Text, false),
            column(
                "sharing_type",
                "共享属性",
                Enum(labels(SharingType::ALL, SharingType::label_zh)),
                true,
            ),
            column("sharing_conditions", "共享条件", Text, false),
            column("holding_holder", "数据资源持有权主体", Text, false),
            column("holding_confirmed", "持有权已确权", yes_no(), false),
            column("processing_holder", "数据加工使用权主体", Text, false),
            column("processing_confirmed", "加工使用权已确权", yes_no(), false),
            column("operation_holder", "数据产品经营权主体", Text, false),
            column("operation_confirmed", "产品经营权已确权", yes_no(), false),
            column(
                "rights_registration",
                "确权登记",
                Enum(labels(
                    RightsRegistration::ALL,
                    RightsRegistration::label_zh,
                )),
                true,
            ),
            column(
                "acquisition_route",
                "取得方式",
                Enum(labels(AcquisitionRoute::ALL, AcquisitionRoute::label_zh)),
                true,
            ),
            column(
                "holding_purpose",
                "持有目的",
                Enum(labels(HoldingPurpose::ALL, HoldingPurpose::label_zh)),
                true,
            ),
            column(
                "booking_status",
                "入账情况",
                Enum(labels(BookingStatus::ALL, BookingStatus::label_zh)),
                true,
            ),
            column("tables", "数据表数量", Int, false),
            column("fields", "字段数", Int, false),
            column("records", "记录数", Int, false),
            column(
                "update_frequency",
                "更新频率",
                Enum(labels(UpdateFrequency::ALL, UpdateFrequency::label_zh)),
                true,
            ),
            column("source_systems", "来源信息系统", Text, false),
            column("authorized_operation", "是否授权运营", yes_no(), false),
            column(
                "personal_data_basis",
                "个人信息处理依据",
                Enum(labels(PersonalDataBasis::ALL, PersonalDataBasis::label_zh)),
                true,
            ),
            column("cost", "初始成本（元）", Amount, false),
            column("ready_date", "取得或达到预定用途日期", Date, true),
            column("useful_life_months", "使用寿命（月）", Int, false),
            column("sector", "所属行业", Text, false),
        ],
    }
}

/// Declares the 事项 sheet: one accounting event per row.
///
/// 金额 is the event's main amount (cost, fee, proceeds or value), 增值税额 the input or output
/// VAT, 相关税费 the disposal fees, transfer costs or taxes, and 销售成本 the cost of inventory
/// sold. Columns an event type does not use stay empty.
pub fn event_spec() -> SheetSpec {
    use ColumnKind::{Amount, Date, Enum, Text};
    let column = ColumnSpec::new;
    SheetSpec {
        name: EVENT_SHEET,
        columns: vec![
            column("id", "事项编号", Text, true),
            column("asset_id", "资产编号", Text, true),
            column("date", "日期", Date, true),
            column(
                "type",
                "事项类型",
                Enum(labels(EventType::ALL, EventType::label_zh)),
                true,
            ),
            column("amount", "金额（元）", Amount, false),
            column("vat", "增值税额（元）", Amount, false),
            column("fees", "相关税费（元）", Amount, false),
            column("cost_sold", "销售成本（元）", Amount, false),
            column("funding", "资金来源", Enum(pairs(FUNDING_LABELS)), false),
            column(
                "use_of_asset",
                "费用用途",
                Enum(pairs(EXPENSE_USE_LABELS)),
                false,
            ),
            column("business_activity", "用于经营活动", yes_no(), false),
            column("retain", "处置收入留用", yes_no(), false),
            column("receivable", "应收未收", yes_no(), false),
        ],
    }
}

/// Declares the 授权 sheet: one authorized-operation grant per row.
pub fn authorization_spec() -> SheetSpec {
    use ColumnKind::{Amount, Date, Enum, Text};
    let column = ColumnSpec::new;
    SheetSpec {
        name: AUTHORIZATION_SHEET,
        columns: vec![
            column("id", "授权编号", Text, true),
            column("asset_id", "资产编号", Text, true),
            column("licensee", "被授权方", Text, true),
            column("mode", "授权方式", Enum(MODE_LABELS.to_vec()), true),
            column("scope", "授权领域或场景", Text, false),
            column("rights", "授权权利", Text, true),
            column(
                "purpose",
                "用途",
                Enum(labels(Purpose::ALL, Purpose::label_zh)),
                true,
            ),
            column("fee", "授权费用（元）", Amount, false),
            column("fee_cap", "收费上限（元）", Amount, false),
            column("start", "起始日期", Date, true),
            column("end", "终止日期", Date, true),
            column("exclusive", "是否独占", yes_no(), false),
            column(
                "state",
                "状态",
                Enum(labels(
                    AuthorizationState::ALL,
                    AuthorizationState::label_zh,
                )),
                true,
            ),
            column("applicant", "申请人", Text, true),
            column("approver", "审批人", Text, false),
            column("applied", "申请日期", Date, false),
            column("decided", "审批日期", Date, false),
            column("compliance_review", "合规审查通过", yes_no(), false),
        ],
    }
}

/// Declares the 收益 sheet: one tax-inclusive receipt per row with its split rule.
pub fn receipt_spec() -> SheetSpec {
    use ColumnKind::{Amount, Date, Text};
    let column = ColumnSpec::new;
    SheetSpec {
        name: RECEIPT_SHEET,
        columns: vec![
            column("id", "收款编号", Text, true),
            column("date", "收款日期", Date, true),
            column("asset_id", "资产编号", Text, true),
            column("authorization_id", "授权编号", Text, false),
            column("gross", "含税金额（元）", Amount, true),
            column(
                "vat_status",
                "收款方增值税身份",
                ColumnKind::Enum(labels(VatStatus::ALL, VatStatus::label_zh)),
                true,
            ),
            column("split", "分成比例", Text, true),
            column("party_kinds", "分成方单位类型", Text, true),
        ],
    }
}

/// Returns the five sheets in workbook order.
pub fn ledger_specs() -> [SheetSpec; 5] {
    [
        unit_spec(),
        asset_spec(),
        event_spec(),
        authorization_spec(),
        receipt_spec(),
    ]
}
