//! Data assets (数据资产) and their controlled vocabularies.
//!
//! The vocabularies follow 数据二十条 (origin and the three rights), 数据安全法 art. 21 with
//! GB/T 43697-2024 (security grades), and the government data-catalog practice for open and
//! sharing types (不予共享 implies 不予开放).

crate::vocab! {
    /// Origin of the data (数据二十条 art. 3).
    pub enum DataCategory {
        /// 公共数据: data produced by public bodies performing duties or providing public services.
        Public = ("public", "公共数据"),
        /// 企业数据: data produced by enterprises in their operations.
        Enterprise = ("enterprise", "企业数据"),
        /// 个人数据: personal data.
        Personal = ("personal", "个人数据"),
    }
}

crate::vocab! {
    /// Security grade (数据安全法 art. 21; GB/T 43697-2024 数据分类分级规则).
    pub enum SecurityGrade {
        /// 一般数据.
        General = ("general", "一般数据"),
        /// 重要数据.
        Important = ("important", "重要数据"),
        /// 核心数据.
        Core = ("core", "核心数据"),
    }
}

crate::vocab! {
    /// Open type of a government data resource (开放属性).
    pub enum OpenType {
        /// 无条件开放.
        Unconditional = ("unconditional", "无条件开放"),
        /// 有条件开放.
        Conditional = ("conditional", "有条件开放"),
        /// 不予开放.
        NotOpen = ("not_open", "不予开放"),
    }
}

crate::vocab! {
    /// Sharing type of a government data resource (共享属性).
    pub enum SharingType {
        /// 无条件共享.
        Unconditional = ("unconditional", "无条件共享"),
        /// 有条件共享.
        Conditional = ("conditional", "有条件共享"),
        /// 不予共享.
        NotShared = ("not_shared", "不予共享"),
    }
}

crate::vocab! {
    /// One of the three data rights of 数据二十条 art. 3 (三权分置).
    pub enum RightKind {
        /// 数据资源持有权: holding right.
        Holding = ("holding", "数据资源持有权"),
        /// 数据加工使用权: processing and use right.
        ProcessingUse = ("processing_use", "数据加工使用权"),
        /// 数据产品经营权: product operation right.
        ProductOperation = ("product_operation", "数据产品经营权"),
    }
}

crate::vocab! {
    /// How the asset was acquired, which decides its initial cost (政府会计准则第4号 art. 6–11;
    /// 企业数据资源相关会计处理暂行规定).
    pub enum AcquisitionRoute {
        /// 外购: purchased.
        Purchased = ("purchased", "外购"),
        /// 委托开发: developed on commission, treated as a purchase.
        Commissioned = ("commissioned", "委托开发"),
        /// 自行开发: self-developed.
        SelfDeveloped = ("self_developed", "自行开发"),
        /// 置换: exchanged.
        Exchanged = ("exchanged", "置换"),
        /// 接受捐赠: donated to the unit.
        Donated = ("donated", "接受捐赠"),
        /// 无偿调入: transferred in free of charge.
        TransferredIn = ("transferred_in", "无偿调入"),
        /// 履职生成: generated while performing duties, with no separable cost.
        GeneratedInDuties = ("generated_in_duties", "履职生成"),
    }
}

crate::vocab! {
    /// Financial booking status (财务入账状态) of a ledger entry.
    pub enum BookingStatus {
        /// 未入账: held and controlled but not on the balance sheet.
        Unbooked = ("unbooked", "未入账"),
        /// 无形资产: booked as an intangible asset.
        IntangibleAsset = ("intangible_asset", "无形资产"),
        /// 存货: booked as inventory (enterprises only).
        Inventory = ("inventory", "存货"),
        /// 研发支出: accumulating as development expenditure.
        DevelopmentExpenditure = ("development_expenditure", "研发支出"),
        /// 费用化: expensed when incurred.
        Expensed = ("expensed", "费用化"),
    }
}

crate::vocab! {
    /// Update frequency of a data resource (更新频率).
    pub enum UpdateFrequency {
        /// 实时.
        RealTime = ("real_time", "实时"),
        /// 每日.
        Daily = ("daily", "每日"),
        /// 每周.
        Weekly = ("weekly", "每周"),
        /// 每月.
        Monthly = ("monthly", "每月"),
        /// 每季度.
        Quarterly = ("quarterly", "每季度"),
        /// 每半年.
        HalfYearly = ("half_yearly", "每半年"),
        /// 每年.
        Yearly = ("yearly", "每年"),
        /// 不定期 or other.
        Irregular = ("irregular", "不定期"),
    }
}

crate::vocab! {
    /// Rights registration status (是否确权登记).
    pub enum RightsRegistration {
        /// 未登记.
        Unregistered = ("unregistered", "未登记"),
        /// 登记中.
        Pending = ("pending", "登记中"),
        /// 已登记.
        Registered = ("registered", "已登记"),
    }
}

crate::vocab! {
    /// Why the unit holds the data (持有目的), which separates intangibles from inventory for
    /// enterprises (企业数据资源相关会计处理暂行规定 part 2).
    pub enum HoldingPurpose {
        /// 自用: used by the unit or to serve customers.
        OwnUse = ("own_use", "自用"),
        /// 日常活动中持有以备出售: held for sale in the ordinary course of business.
        SaleInOrdinaryCourse = ("sale_in_ordinary_course", "持有待售"),
    }
}
