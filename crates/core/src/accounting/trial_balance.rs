//! Trial balance (试算平衡表) per side for a period.
