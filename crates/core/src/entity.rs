//! Reporting entities (会计主体): government units and state-owned enterprises.

crate::vocab! {
    /// Kind of unit, which decides the accounting framework and the accounts used.
    ///
    /// 行政单位 and 事业单位 follow 政府会计制度 (财会〔2017〕25号) with parallel budget accounting;
    /// enterprises follow 企业会计准则 and 企业数据资源相关会计处理暂行规定 (财会〔2023〕11号).
    pub enum EntityKind {
        /// 行政单位: administrative unit, such as a city bureau.
        AdministrativeUnit = ("administrative_unit", "行政单位"),
        /// 事业单位: public institution, such as a centre or institute.
        PublicInstitution = ("public_institution", "事业单位"),
        /// 国有企业: state-owned enterprise.
        StateOwnedEnterprise = ("state_owned_enterprise", "国有企业"),
        /// 国有企业子公司: subsidiary of a state-owned enterprise.
        SoeSubsidiary = ("soe_subsidiary", "国有企业子公司"),
    }
}

impl EntityKind {
    /// Whether the unit keeps government accounts (财务会计 + 预算会计).
    pub const fn is_government(self) -> bool {
        matches!(
            self,
            EntityKind::AdministrativeUnit | EntityKind::PublicInstitution
        )
    }

    /// Whether the unit keeps enterprise accounts.
    pub const fn is_enterprise(self) -> bool {
        !self.is_government()
    }
}
