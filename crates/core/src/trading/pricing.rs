//! Prices and trade records (交易流通).
//!
//! 财资〔2024〕167号 and 桂林市 pilot plan 市财资〔2025〕12号 part 3(7) encourage diversified
//! price-forming by agreement (协议约定) and by valuation (评估定价), on-exchange trading in the open
//! and regulated off-exchange trading. Public data used for public governance or public welfare is
//! free, and for industry or sector development it carries an operation service fee at or below
//! a capped government-guided price (发改价格〔2025〕65号).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::TradingError;
use super::valuation::Valuation;
use crate::asset::RightKind;
use crate::money::{Amount, Ratio, RoundingRule};

crate::vocab! {
    /// Purpose for which public data is used, which decides whether it is free
    /// (数据二十条 art. 4; 发改价格〔2025〕65号).
    pub enum UsePurpose {
        /// 公共治理: public governance; free.
        PublicGovernance = ("public_governance", "公共治理"),
        /// 公益事业: public welfare; free.
        PublicWelfare = ("public_welfare", "公益事业"),
        /// 产业发展: industry development; paid at or below the cap.
        IndustryDevelopment = ("industry_development", "产业发展"),
        /// 行业发展: sector development; paid at or below the cap.
        SectorDevelopment = ("sector_development", "行业发展"),
    }
}

impl UsePurpose {
    /// Whether public data used for this purpose is provided free (有条件无偿使用).
    pub const fn is_free(self) -> bool {
        matches!(
            self,
            UsePurpose::PublicGovernance | UsePurpose::PublicWelfare
        )
    }
}

/// How a price was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum PricingBasis {
    /// 协议定价: agreed between the parties.
    Agreement,
    /// 评估定价: derived from a valuation, price = value × `price_ratio`.
    Valuation {
        /// The valuation, with its own input.
        valuation: Box<Valuation>,
        /// Negotiated multiple of the value; 1 prices at the value.
        price_ratio: Ratio,
    },
    /// 公共数据运营服务费: a public-data operation fee under a capped government-guided price.
    PublicDataFee {
        /// Purpose of use.
        purpose: UsePurpose,
        /// The upper-limit fee set by the authorizing body.
        fee_cap: Amount,
    },
}

/// A price in CNY with how it was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// The price, at fen precision.
    pub amount: Amount,
    /// How it was formed.
    pub basis: PricingBasis,
}

impl Price {
    /// Records a price agreed between the parties.
    ///
    /// # Errors
    ///
    /// [`TradingError::InvalidAmount`] when the price is negative or finer than the fen.
    pub fn by_agreement(amount: Amount) -> Result<Price, TradingError> {
        check_price(amount, "price")?;
        Ok(Price {
            amount,
            basis: PricingBasis::Agreement,
        })
    }

    /// Derives a price from a valuation: value × `price_ratio`, rounded to the fen with `rounding`.
    ///
    /// # Errors
    ///
    /// [`TradingError::InvalidAmount`] when `price_ratio` is 0, and [`TradingError::Overflow`].
    ///
    /// ```
    /// use data_assets_core::money::{Ratio, RoundingRule};
    /// use data_assets_core::trading::pricing::Price;
    /// use data_assets_core::trading::valuation::*;
    /// let input = MarketApproachInput {
    ///     comparables: vec![Comparable {
    ///         case_id: "A".into(),
    ///         price: "1000000".parse()?,
    ///         quality_factor: "1.1".parse()?,
    ///         supply_demand_factor: "1".parse()?,
    ///         date_factor: "1".parse()?,
    ///         capacity_factor: "1".parse()?,
    ///         other_factor: "1".parse()?,
    ///     }],
    ///     rounding: RoundingRule::HalfUp,
    /// };
    /// let valuation = Valuation::Market(market_approach(&input)?);
    /// let ratio = Ratio::parse_field("0.95", "price_ratio")?;
    /// let price = Price::by_valuation(&valuation, ratio, RoundingRule::HalfUp)?;
    /// assert_eq!(price.amount.to_string(), "1045000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_valuation(
        valuation: &Valuation,
        price_ratio: Ratio,
        rounding: RoundingRule,
    ) -> Result<Price, TradingError> {
        if price_ratio.value().is_zero() {
            return Err(TradingError::InvalidAmount {
                field: "price_ratio".into(),
                value: price_ratio.to_string(),
                allowed: "a ratio above 0",
            });
        }
        let amount = valuation
            .value()
            .checked_mul(price_ratio.value())
            .map_err(TradingError::overflow("price"))?
            .round_fen(rounding);
        Ok(Price {
            amount,
            basis: PricingBasis::Valuation {
                valuation: Box::new(valuation.clone()),
                price_ratio,
            },
        })
    }

    /// Records a public-data operation fee (发改价格〔2025〕65号).
    ///
    /// Use for public governance or public welfare is free, so the fee must be 0. Use for industry
    /// or sector development pays a fee at or below `fee_cap`.
    ///
    /// # Errors
    ///
    /// - [`TradingError::InvalidAmount`] when the fee or the cap is negative or finer than the fen;
    /// - [`TradingError::PublicUseNotFree`] when a free purpose is charged;
    /// - [`TradingError::PriceAboveCap`] when the fee is above the cap.
    pub fn public_data_fee(
        purpose: UsePurpose,
        fee: Amount,
        fee_cap: Amount,
    ) -> Result<Price, TradingError> {
        check_price(fee, "fee")?;
        check_price(fee_cap, "fee_cap")?;
        if purpose.is_free() && !fee.is_zero() {
            return Err(TradingError::PublicUseNotFree {
                field: "fee".into(),
                value: fee.to_string(),
                purpose: purpose.code(),
            });
        }
        if fee > fee_cap {
            return Err(TradingError::PriceAboveCap {
                field: "fee".into(),
                value: fee.to_string(),
                cap: fee_cap.to_string(),
            });
        }
        Ok(Price {
            amount: fee,
            basis: PricingBasis::PublicDataFee { purpose, fee_cap },
        })
    }
}

fn check_price(amount: Amount, field: &str) -> Result<(), TradingError> {
    if amount.is_negative() || !amount.is_fen() {
        return Err(TradingError::InvalidAmount {
            field: field.into(),
            value: amount.to_string(),
            allowed: "zero or a positive amount with at most two decimal places",
        });
    }
    Ok(())
}

/// Where a trade took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "venue", rename_all = "snake_case")]
pub enum TradeVenue {
    /// 场内交易: on a data exchange.
    OnExchange {
        /// Name of the exchange, such as `北部湾大数据交易中心`.
        exchange_name: String,
    },
    /// 场外交易: off exchange, which must be filed (备案).
    OffExchange {
        /// Filing reference (备案号).
        filing_reference: String,
    },
}

/// A trade of rights in a data asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TradeRecord {
    /// Identifier of the trade.
    pub trade_id: String,
    /// Ledger id of the asset traded.
    pub asset_id: String,
    /// Identifier of the buyer, such as its 统一社会信用代码.
    pub buyer_id: String,
    /// Identifier of the seller.
    pub seller_id: String,
    /// Price paid.
    pub price: Amount,
    /// Date of the trade.
    pub trade_date: NaiveDate,
    /// Rights transferred (数据二十条 art. 3); at least one.
    pub rights_transferred: Vec<RightKind>,
    /// Whether the traded data includes core data (核心数据).
    pub includes_core_data: bool,
    /// Where the trade took place.
    pub venue: TradeVenue,
}

impl TradeRecord {
    /// Checks the record and returns every problem found, not only the first.
    ///
    /// Whether core data may be traded is a risk rule, checked by
    /// [`crate::compliance::check`], not here.
    ///
    /// # Errors
    ///
    /// - [`TradingError::MissingField`] for an empty id, exchange name or filing reference;
    /// - [`TradingError::SameBuyerAndSeller`];
    /// - [`TradingError::InvalidAmount`] for a negative price or one finer than the fen;
    /// - [`TradingError::NoRightsTransferred`].
    pub fn validate(&self) -> Result<(), Vec<TradingError>> {
        let mut errors = Vec::new();
        let texts = [
            ("trade_id", &self.trade_id),
            ("asset_id", &self.asset_id),
            ("buyer_id", &self.buyer_id),
            ("seller_id", &self.seller_id),
        ];
        for (field, text) in texts {
            if text.trim().is_empty() {
                errors.push(TradingError::MissingField {
                    field: field.into(),
                });
            }
        }
        if !self.buyer_id.trim().is_empty() && self.buyer_id.trim() == self.seller_id.trim() {
            errors.push(TradingError::SameBuyerAndSeller {
                field: "seller_id".into(),
                value: self.seller_id.clone(),
            });
        }
        if let Err(error) = check_price(self.price, "price") {
            errors.push(error);
        }
        if self.rights_transferred.is_empty() {
            errors.push(TradingError::NoRightsTransferred {
                field: "rights_transferred".into(),
            });
        }
        let (field, text) = match &self.venue {
            TradeVenue::OnExchange { exchange_name } => ("venue.exchange_name", exchange_name),
            TradeVenue::OffExchange { filing_reference } => {
                ("venue.filing_reference", filing_reference)
            }
        };
        if text.trim().is_empty() {
            errors.push(TradingError::MissingField {
                field: field.into(),
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
