//! Risk rules (风险防控) returning violations.
