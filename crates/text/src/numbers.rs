//! Counts written in Arabic, French and English (in progress).
