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
use crate::authorization::Purpose;
use crate::money::{Amount, Ratio, RoundingRule};

/// Basis on which a price was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
        purpose: Purpose,
        /// The upper-limit fee set by the authorizing body.
        fee_cap: Amount,
    },
}

/// A price in CNY with how it was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Price {
    /// The price, at fen precision.
    pub amount: Amount,
    /// Basis on which it was formed.
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
        let exact = valuation
            .value()
            .checked_mul(price_ratio.value())
            .map_err(TradingError::overflow("price"))?;
        let amount = super::valuation::round_to_fen(exact.value(), rounding)?;
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
        purpose: Purpose,
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

/// Venue of a trade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// Venue of the trade.
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
            if crate::text::is_blank(text) {
                errors.push(TradingError::MissingField {
                    field: field.into(),
                });
            }
        }
        if !crate::text::is_blank(&self.buyer_id) && self.buyer_id.trim() == self.seller_id.trim() {
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
        if crate::text::is_blank(text) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDetail;
    use crate::trading::valuation::{
        AdjustmentBasis, CostApproachInput, CostComponent, CostKind, CostRecurrence, cost_approach,
    };

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn trade() -> TradeRecord {
        TradeRecord {
            trade_id: "T-2026-001".into(),
            asset_id: "GL-DA-0001".into(),
            buyer_id: "91450300MA5KXXXX0A".into(),
            seller_id: "12450300MB0000000X".into(),
            price: amount("120000.00"),
            trade_date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            rights_transferred: vec![RightKind::ProcessingUse],
            includes_core_data: false,
            venue: TradeVenue::OnExchange {
                exchange_name: "北部湾大数据交易中心".into(),
            },
        }
    }

    fn codes(errors: &[crate::trading::TradingError]) -> Vec<&'static str> {
        errors.iter().map(ErrorDetail::code).collect()
    }

    #[test]
    fn agreement_price_recorded() {
        let price = Price::by_agreement(amount("5000.00")).unwrap();
        assert_eq!(price.amount, amount("5000"));
        assert_eq!(price.basis, PricingBasis::Agreement);
    }

    #[test]
    fn agreement_rejects_negative_price() {
        let error = Price::by_agreement(amount("-1")).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_amount");
        assert_eq!(error.field(), "price");
    }

    #[test]
    fn agreement_rejects_sub_fen_price() {
        assert_eq!(
            Price::by_agreement(amount("1.001")).unwrap_err().code(),
            "trading.invalid_amount"
        );
    }

    #[test]
    fn valuation_price_carries_the_valuation() {
        let input = CostApproachInput {
            components: vec![CostComponent {
                kind: CostKind::Direct,
                description: "数据采集".into(),
                amount: amount("1550000"),
                recurrence: CostRecurrence::OneOff,
            }],
            recurring_years: 0,
            adjustment: AdjustmentBasis::Factor {
                factor: Ratio::parse_field("0.7", "δ").unwrap(),
            },
            rounding: RoundingRule::HalfUp,
        };
        let valuation = Valuation::Cost(cost_approach(&input).unwrap());
        // 1,085,000 × 1.05 = 1,139,250.
        let ratio = Ratio::parse_field("1.05", "price_ratio").unwrap();
        let price = Price::by_valuation(&valuation, ratio, RoundingRule::HalfUp).unwrap();
        assert_eq!(price.amount.to_string(), "1139250.00");
        match price.basis {
            PricingBasis::Valuation {
                valuation: carried,
                price_ratio,
            } => {
                assert_eq!(*carried, valuation);
                assert_eq!(price_ratio, ratio);
            }
            other => panic!("unexpected basis {other:?}"),
        }
    }

    #[test]
    fn valuation_price_rejects_zero_ratio() {
        let input = CostApproachInput {
            components: vec![CostComponent {
                kind: CostKind::Direct,
                description: String::new(),
                amount: amount("1"),
                recurrence: CostRecurrence::OneOff,
            }],
            recurring_years: 0,
            adjustment: AdjustmentBasis::Factor { factor: Ratio::ONE },
            rounding: RoundingRule::HalfUp,
        };
        let valuation = Valuation::Cost(cost_approach(&input).unwrap());
        let error = Price::by_valuation(&valuation, Ratio::ZERO, RoundingRule::HalfUp).unwrap_err();
        assert_eq!(error.field(), "price_ratio");
    }

    #[test]
    fn public_fee_free_for_governance() {
        let price =
            Price::public_data_fee(Purpose::PublicGovernance, Amount::ZERO, amount("100")).unwrap();
        assert!(price.amount.is_zero());
    }

    #[test]
    fn public_fee_rejects_charge_for_welfare() {
        let error = Price::public_data_fee(Purpose::PublicWelfare, amount("0.01"), amount("100"))
            .unwrap_err();
        assert_eq!(error.code(), "trading.public_use_not_free");
        assert_eq!(error.value(), "0.01");
    }

    #[test]
    fn public_fee_at_cap_accepted() {
        let price =
            Price::public_data_fee(Purpose::IndustryDevelopment, amount("800"), amount("800"))
                .unwrap();
        assert_eq!(price.amount, amount("800"));
    }

    #[test]
    fn public_fee_above_cap_rejected() {
        let error =
            Price::public_data_fee(Purpose::SectorDevelopment, amount("800.01"), amount("800"))
                .unwrap_err();
        assert_eq!(error.code(), "trading.price_above_cap");
        assert_eq!(error.value(), "800.01");
    }

    #[test]
    fn trade_on_exchange_valid() {
        assert_eq!(trade().validate(), Ok(()));
    }

    #[test]
    fn trade_off_exchange_needs_filing() {
        let mut record = trade();
        record.venue = TradeVenue::OffExchange {
            filing_reference: " ".into(),
        };
        let errors = record.validate().unwrap_err();
        assert_eq!(codes(&errors), ["trading.missing_field"]);
        assert_eq!(errors[0].field(), "venue.filing_reference");
        record.venue = TradeVenue::OffExchange {
            filing_reference: "桂数备〔2026〕3号".into(),
        };
        assert_eq!(record.validate(), Ok(()));
    }

    #[test]
    fn trade_on_exchange_needs_name() {
        let mut record = trade();
        record.venue = TradeVenue::OnExchange {
            exchange_name: String::new(),
        };
        let errors = record.validate().unwrap_err();
        assert_eq!(errors[0].field(), "venue.exchange_name");
    }

    #[test]
    fn trade_lists_every_problem() {
        let mut record = trade();
        record.asset_id.clear();
        record.seller_id = record.buyer_id.clone();
        record.price = amount("-5");
        record.rights_transferred.clear();
        let errors = record.validate().unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                "trading.missing_field",
                "trading.same_buyer_and_seller",
                "trading.invalid_amount",
                "trading.no_rights_transferred",
            ]
        );
    }

    #[test]
    fn trade_serde_round_trip() {
        let record = trade();
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.contains(r#""venue":"on_exchange""#));
        assert!(json.contains(r#""rights_transferred":["processing_use"]"#));
        let back: TradeRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn purpose_free_only_for_public_uses() {
        let free: Vec<Purpose> = Purpose::ALL
            .iter()
            .copied()
            .filter(|p| p.is_free())
            .collect();
        assert_eq!(free, [Purpose::PublicGovernance, Purpose::PublicWelfare]);
    }
}
