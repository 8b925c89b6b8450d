//! Date expressions in Arabic, French and English (in progress).
