//! Recognition (确认): whether a data resource is an asset, and of which kind.
