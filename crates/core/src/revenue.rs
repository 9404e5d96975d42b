//! Revenue split (收益分配) and routing.
