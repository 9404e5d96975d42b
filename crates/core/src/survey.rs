//! The survey (摸底) of information systems and data resources, quality scores and catalog import.
