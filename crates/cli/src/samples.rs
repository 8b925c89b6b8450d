//! Sample articles bundled in the binary, so the main job runs on a fresh machine with no
//! input at hand: a JSON Lines feed of short news reports (one incident told in Arabic, French
//! and English with different tolls, and a few others). They are fictional, written for this
//! project, and say so in their titles.

/// The bundled feed.
pub const SAMPLES: &str = include_str!("../samples/samples.jsonl");

/// The name the samples are read under.
pub const SAMPLES_NAME: &str = "samples.jsonl";
