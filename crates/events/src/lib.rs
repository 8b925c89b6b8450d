//! Event coding: from the mentions of a text to ACLED events (in progress).
