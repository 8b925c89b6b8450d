//! Sample articles bundled in the binary, so the main job runs on a fresh machine with no
//! input at hand. They are fictional, written for this project, and say so in their titles.

/// (file name, contents) of every sample.
pub const SAMPLES: &[(&str, &str)] = &[
    ("sample-ar-convoy.txt", include_str!("../samples/sample-ar-convoy.txt")),
    ("sample-fr-blockade.txt", include_str!("../samples/sample-fr-blockade.txt")),
    ("sample-en-drone.txt", include_str!("../samples/sample-en-drone.txt")),
];
