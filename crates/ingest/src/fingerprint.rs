//! Fingerprints of texts: an exact content hash (same text = same document) and a MinHash
//! signature over folded word 3-shingles (republished or lightly edited = near-duplicate).
//!
//! Why MinHash and not SimHash: on news-length texts a one-word edit already flips ~5 of 64
//! SimHash bits (the expected number is 64·θ/π), so a threshold small enough to index by bands
//! misses lightly edited copies. MinHash estimates the Jaccard similarity of shingle sets
//! directly; [`BANDS`] bands of [`ROWS`] values make texts above ~0.6 similarity meet in at
//! least one band almost surely while unrelated texts almost never do.
//!
//! Written here rather than taken from a crate: it must read words the way marsad does
//! (folded Arabic, case), and it is a few dozen lines (gaoya, the one crate for it, looks
//! unmaintained).

use marsad_text::{Script, Tokens};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = seed;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// A 128-bit hex digest of the exact text.
pub fn content_hash(text: &str) -> String {
    let a = fnv(FNV_OFFSET, text.as_bytes());
    let b = fnv(FNV_OFFSET ^ 0x9e37_79b9_7f4a_7c15, text.as_bytes());
    format!("{a:016x}{b:016x}")
}

/// Mix a 64-bit value (splitmix64) so shingle hashes spread over all bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Number of MinHash values in a signature.
pub const SIGNATURE: usize = 64;
/// Bands of the LSH index.
pub const BANDS: usize = 16;
/// Values per band.
pub const ROWS: usize = SIGNATURE / BANDS;

/// The MinHash signature of a text over its folded word 3-shingles (digits ignored).
pub fn minhash(text: &str) -> Vec<u32> {
    let tokens = Tokens::new(text);
    let words: Vec<u64> = (0..tokens.len())
        .filter(|&i| tokens.items()[i].script != Script::Digit)
        .map(|i| fnv(FNV_OFFSET, tokens.folded(i).as_bytes()))
        .collect();
    let shingles: Vec<u64> = if words.len() < 3 {
        words.iter().map(|w| mix(*w)).collect()
    } else {
        words.windows(3).map(|s| mix(s[0] ^ s[1].rotate_left(21) ^ s[2].rotate_left(42))).collect()
    };
    (0..SIGNATURE as u64)
        .map(|seed| {
            let salt = mix(seed.wrapping_add(0x5851_f42d_4c95_7f2d));
            shingles.iter().map(|h| (mix(h ^ salt) >> 32) as u32).min().unwrap_or(u32::MAX)
        })
        .collect()
}

/// The LSH band keys of a signature: texts sharing a key are candidates.
pub fn bands(signature: &[u32]) -> Vec<u64> {
    signature
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut hash = fnv(FNV_OFFSET, &(band as u64).to_le_bytes());
            for row in rows {
                hash = fnv(hash, &row.to_le_bytes());
            }
            hash
        })
        .collect()
}

/// Estimated Jaccard similarity of two signatures (share of equal values).
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fictional article of news length (written for this test).
    const STORY: &str = "هاجم مسلحون قافلة وقود على الطريق بين كايس وديبولي وأحرقوا عشر شاحنات، وقال سائقون إن المهاجمين خطفوا ثلاثة منهم قبل أن يفروا نحو الغابة القريبة من الحدود. \
        وأوضح مسؤول محلي أن القافلة كانت متجهة إلى العاصمة محملة بالوقود والبضائع، وأن الجيش أرسل تعزيزات إلى المنطقة بعد ساعات من الهجوم. \
        وتشهد الطرق المؤدية إلى العاصمة هجمات متكررة منذ أسابيع، ما أدى إلى نقص حاد في الوقود وارتفاع الأسعار في الأسواق المحلية. \
        وطالب أصحاب الشاحنات السلطات بتأمين الطرق وتوفير مرافقة عسكرية للقوافل، مؤكدين أن السائقين باتوا يخشون على حياتهم في كل رحلة. \
        ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما قالت مصادر أمنية إن التحقيقات جارية لتحديد هوية المهاجمين ومكان احتجاز المخطوفين.";

    #[test]
    fn a_lightly_edited_republication_is_a_near_duplicate() {
        let edited = STORY.replace("وقال سائقون", "وأفاد سائقون").replace("حتى الآن", "بعد");
        let (a, b) = (minhash(STORY), minhash(&edited));
        assert!(similarity(&a, &b) >= crate::NEAR_DUPLICATE_SIMILARITY, "{}", similarity(&a, &b));
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y), "they meet in a band");
        let other = "Clashes broke out near Tessalit between the army and rebels on Tuesday, residents said, as drones flew over the town.";
        let c = minhash(other);
        assert!(similarity(&a, &c) < 0.1);
        assert!(bands(&a).iter().zip(bands(&c)).all(|(x, y)| *x != y));
    }

    #[test]
    fn folding_differences_do_not_change_the_fingerprint() {
        assert_eq!(minhash("وصل الوفد إلى باماكو أمس"), minhash("وصل الوفد الى باماكو امس"));
    }

    #[test]
    fn the_content_hash_changes_with_any_character() {
        assert_ne!(content_hash("باماكو"), content_hash("باماكو "));
        assert_eq!(content_hash("x").len(), 32);
    }
}
