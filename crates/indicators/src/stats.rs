//! Percentiles, least-squares lines with confidence intervals, Student's t quantiles.

/// The `p`-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between closest ranks
/// (Hyndman and Fan's type 7, the default of R and NumPy); `None` when there are none.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    Some(sorted[below] + (h - below as f64) * (sorted[above] - sorted[below]))
}

/// An ordinary least-squares line `y = intercept + slope·x`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fit {
    /// Points the line was fitted to.
    pub n: usize,
    /// Change of y per unit of x.
    pub slope: f64,
    /// y at x = 0.
    pub intercept: f64,
    /// Two-sided 95% confidence interval of the slope (Student's t with n − 2 degrees of
    /// freedom); `None` with fewer than 3 points.
    pub slope_ci95: Option<(f64, f64)>,
}

/// The least-squares line through the points; `None` with fewer than 2 distinct x.
pub fn least_squares(points: &[(f64, f64)]) -> Option<Fit> {
    let n = points.len();
    if n < 2 {
        return None;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n as f64;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n as f64;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    let slope_ci95 = (n >= 3).then(|| {
        let residuals: f64 = points.iter().map(|p| (p.1 - intercept - slope * p.0).powi(2)).sum();
        let df = (n - 2) as f64;
        let standard_error = (residuals / df / sxx).sqrt();
        let half = student_t_quantile(0.975, df) * standard_error;
        (slope - half, slope + half)
    });
    Some(Fit { n, slope, intercept, slope_ci95 })
}

/// The `p`-quantile (0.5 ≤ p < 1) of Student's t distribution with `df` degrees of freedom,
/// found by bisection on its distribution function.
pub fn student_t_quantile(p: f64, df: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    while student_t_cdf(hi, df) < p && hi < 1e6 {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if student_t_cdf(mid, df) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// P(T ≤ t) for t ≥ 0: 1 − I_{df/(df+t²)}(df/2, 1/2) / 2.
fn student_t_cdf(t: f64, df: f64) -> f64 {
    1.0 - 0.5 * regularized_incomplete_beta(df / (df + t * t), df / 2.0, 0.5)
}

/// I_x(a, b) by its continued fraction (Numerical Recipes, `betai` / `betacf`).
fn regularized_incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_continued_fraction(1.0 - x, b, a) / b
    }
}

/// Lentz's evaluation of the incomplete beta continued fraction.
fn beta_continued_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let tiny = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / tiny(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..300 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / tiny(1.0 + even * d);
        c = tiny(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / tiny(1.0 + odd * d);
        c = tiny(1.0 + odd / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two-sided 95% critical values from the published t table.
    #[test]
    fn t_quantiles_match_the_table() {
        for (df, table) in [(1.0, 12.706), (2.0, 4.303), (3.0, 3.182), (10.0, 2.228), (30.0, 2.042), (1000.0, 1.962)] {
            let t = student_t_quantile(0.975, df);
            assert!((t - table).abs() < 0.0015, "df {df}: {t} vs {table}");
        }
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let values = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(percentile(&values, 0.5), Some(30.0));
        // h = 4 × 0.1 = 0.4: 10 + 0.4 × (20 − 10).
        assert_eq!(percentile(&values, 0.1), Some(14.0));
        assert_eq!(percentile(&[7.0], 0.1), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    /// y = 1 + 2x + e with residuals (+1, −1, −1, +1) at x = 0..3: the slope is exactly 2
    /// (the residuals are orthogonal to x − x̄), the residual sum of squares 4, Sxx = 5,
    /// SE = √(4 / 2 / 5) = 0.6325, half-width t(0.975, 2) × SE = 4.303 × 0.6325 = 2.721.
    #[test]
    fn least_squares_slope_and_interval_by_hand() {
        let fit = least_squares(&[(0.0, 2.0), (1.0, 2.0), (2.0, 4.0), (3.0, 8.0)]).expect("fit");
        assert!((fit.slope - 2.0).abs() < 1e-12, "{fit:?}");
        let (lo, hi) = fit.slope_ci95.expect("interval");
        assert!((hi - fit.slope - 2.721).abs() < 0.001, "{fit:?}");
        assert!((fit.slope - lo - 2.721).abs() < 0.001, "{fit:?}");
        assert!(least_squares(&[(1.0, 1.0), (1.0, 2.0)]).is_none());
        assert!(least_squares(&[(0.0, 1.0), (1.0, 2.0)]).expect("fit").slope_ci95.is_none());
    }
}
