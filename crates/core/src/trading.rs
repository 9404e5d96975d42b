//! Valuation, pricing and trade records (交易流通, 评估定价).
