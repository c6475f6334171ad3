//! e^x and ln x in plain arithmetic, for the simulation's hot loops: the compiler can vectorise
//! or inline them (the C library's `exp` is a call per value, and was most of the run time), and
//! being nothing but IEEE adds, multiplies and divides they give the same bits on every machine
//! (glibc picks an FMA or a non-FMA `exp` and `log` by CPU, whose last bits can differ).

/// 1.5 · 2^52: adding it rounds to an integer held in the low bits of the mantissa.
const ROUND: f64 = 6_755_399_441_055_744.0;
const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// ln 2 split so that k · LN2_HI is exact for the k that occur.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);

/// e^x to within a few units in the last place, for x in [−708, 709] (clamped beyond: the
/// simulation never needs a smaller or a larger one).
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    let x = x.clamp(-708.0, 709.0);
    // x = k ln 2 + r with |r| ≤ ln 2 / 2.
    let shifted = x * LOG2_E + ROUND;
    let k = shifted - ROUND;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Taylor to r^12: the remainder is below 2e-16 relative at |r| = 0.347.
    let mut p = 1.0 / 479_001_600.0;
    for d in [39_916_800.0, 3_628_800.0, 362_880.0, 40_320.0, 5_040.0, 720.0, 120.0, 24.0, 6.0, 2.0, 1.0, 1.0] {
        p = p * r + 1.0 / d;
    }
    // 2^k from the integer in `shifted`'s low bits.
    let scale = f64::from_bits((shifted.to_bits().wrapping_add(1023)) << 52);
    p * scale
}

/// e^x to single precision (relative error below 3e-7), for per-event losses: the same exact
/// reduction as [`exp`], in f64, then the polynomial of the small remainder in f32, where a
/// register holds four lanes instead of two and six steps reach f32's precision. Plain
/// arithmetic too: the same bits on every machine.
#[inline(always)]
pub fn exp_single(x: f64) -> f64 {
    let x = x.clamp(-708.0, 709.0);
    let shifted = x * LOG2_E + ROUND;
    let k = shifted - ROUND;
    let r = ((x - k * LN2_HI) - k * LN2_LO) as f32;
    // Taylor to r^6: the remainder is below 1.3e-7 relative at |r| = 0.347.
    let mut p: f32 = 1.0 / 720.0;
    for d in [120.0, 24.0, 6.0, 2.0, 1.0, 1.0] {
        p = p * r + 1.0 / d;
    }
    let scale = f64::from_bits((shifted.to_bits().wrapping_add(1023)) << 52);
    f64::from(p) * scale
}

/// [`exp_single`] for each value in place, eight at a time.
pub fn exp_single_all(values: &mut [f64]) {
    wide::dispatch(values, exp_single);
}

/// e^x for each value in place, eight at a time: the polynomial is a chain of a dozen dependent
/// steps, and eight values in flight (four two-lane registers) keep the multiplier busy where
/// one register's worth waited on each step.
pub fn exp_all(values: &mut [f64]) {
    wide::dispatch(values, exp);
}

/// `f` of each value in place, eight at a time, so that the compiler lays the eight out in
/// vector lanes.
#[inline(always)]
fn in_lanes(values: &mut [f64], f: impl Fn(f64) -> f64) {
    let mut chunks = values.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let mut lanes = [0.0; 8];
        lanes.copy_from_slice(chunk);
        for lane in &mut lanes {
            *lane = f(*lane);
        }
        chunk.copy_from_slice(&lanes);
    }
    for v in chunks.into_remainder() {
        *v = f(*v);
    }
}

/// The batches compiled twice: for the baseline x86-64 (two f64 or four f32 lanes, sixteen
/// registers, which the eight values in flight overflow) and for CPUs with AVX2 (lanes twice as
/// wide, three-operand instructions), picked once the CPU is known. The AVX2 build runs the same
/// IEEE operations in the same order — Rust never fuses a multiply and an add into an FMA on its
/// own, and "avx2" does not enable FMA — so both give the same bits (a test checks); only the
/// time differs (about a fifth of the whole simulation was these batches, in SSE2).
#[allow(unsafe_code)]
mod wide {
    #[inline(always)]
    pub(super) fn dispatch(values: &mut [f64], f: impl Fn(f64) -> f64) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, just checked.
            return unsafe { avx2(values, f) };
        }
        super::in_lanes(values, f);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn avx2(values: &mut [f64], f: impl Fn(f64) -> f64) {
        super::in_lanes(values, f);
    }
}

// fdlibm's (and musl's) ln: ln(1 + f) = 2 atanh(s), s = f / (2 + f), with its minimax series.
const LG1: f64 = f64::from_bits(0x3fe5_5555_5555_5593);
const LG2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04);
const LG3: f64 = f64::from_bits(0x3fd2_4924_9422_9359);
const LG4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af);
const LG5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de);
const LG6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f);
const LG7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244);

/// ln x to within an ulp (fdlibm's method: x = 2^k (1 + f) with 1 + f in [√2/2, √2), then a
/// degree-14 odd series in s = f / (2 + f)). Zero gives −∞, a negative or NaN gives NaN, +∞ +∞.
#[inline(always)]
pub fn ln(x: f64) -> f64 {
    if !(x > 0.0 && x < f64::INFINITY) {
        return ln_special(x);
    }
    let (mut bits, mut k) = (x.to_bits(), 0i64);
    if bits < 1 << 52 {
        // Subnormal: scaled into the normal range first.
        bits = (x * f64::from_bits(0x4350_0000_0000_0000)).to_bits();
        k = -54;
    }
    // The exponent, moved so that the mantissa lands in [√2/2, √2).
    let high = (bits >> 32) + (0x3ff0_0000 - 0x3fe6_a09e);
    k += (high >> 20) as i64 - 0x3ff;
    let high = (high & 0x000f_ffff) + 0x3fe6_a09e;
    let m = f64::from_bits((high << 32) | (bits & 0xffff_ffff));
    let f = m - 1.0;
    let half_square = 0.5 * f * f;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let k = k as f64;
    s * (half_square + t1 + t2) + k * LN2_LO - half_square + f + k * LN2_HI
}

#[cold]
fn ln_special(x: f64) -> f64 {
    if x == 0.0 {
        f64::NEG_INFINITY
    } else if x == f64::INFINITY {
        x
    } else {
        f64::NAN
    }
}

/// ln(1 + x) to within a few ulps, also for x near zero (Goldberg's correction: ln u · x/(u − 1)
/// with u = 1 + x rounded, exact where 1 + x is).
pub fn ln_1p(x: f64) -> f64 {
    let u = 1.0 + x;
    if u == 1.0 {
        x
    } else {
        ln(u) * (x / (u - 1.0))
    }
}

#[cfg(test)]
mod tests {
    /// The distance in ulps between two finite values of the same sign.
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    #[test]
    fn ln_matches_the_library_ln_to_an_ulp() {
        // The uniforms of the skipped-year gaps and the ziggurat's tail, (0, 1], most densely;
        // the range ends and the curve's ratios above; subnormals below.
        let mut x = f64::MIN_POSITIVE / 1e10;
        while x < 1e300 {
            assert!(ulps(super::ln(x), x.ln()) <= 1, "ln {x}: {} vs {}", super::ln(x), x.ln());
            x *= 1.000_37;
        }
        let mut x: f64 = 1e-6;
        while x <= 1.0 {
            assert!(ulps(super::ln(x), x.ln()) <= 1, "ln {x}: {} vs {}", super::ln(x), x.ln());
            x += 7.3e-7;
        }
        for x in [1.0 - f64::EPSILON / 2.0, 1.0 - f64::EPSILON, 1.0 + f64::EPSILON, 2.0, 0.5, 1e-300, f64::MAX] {
            assert!(ulps(super::ln(x), x.ln()) <= 1, "ln {x}");
        }
        assert_eq!(super::ln(1.0), 0.0);
        assert_eq!(super::ln(0.0), f64::NEG_INFINITY);
        assert_eq!(super::ln(f64::INFINITY), f64::INFINITY);
        assert!(super::ln(-1.0).is_nan() && super::ln(f64::NAN).is_nan());
    }

    #[test]
    fn ln_1p_matches_the_library_to_a_few_ulps() {
        // −busy for a skipped row: a probability of a busy year below 1/4, down to the rarest.
        let mut x = 1e-18;
        while x < 0.999 {
            for x in [x, -x] {
                assert!(ulps(super::ln_1p(x), x.ln_1p()) <= 3, "ln_1p {x}: {} vs {}", super::ln_1p(x), x.ln_1p());
            }
            x *= 1.000_71;
        }
        assert_eq!(super::ln_1p(0.0), 0.0);
    }

    #[test]
    fn matches_the_library_exp() {
        let mut x = -700.0;
        while x < 700.0 {
            let (ours, std) = (super::exp(x), x.exp());
            assert!(((ours - std) / std).abs() < 4e-16, "e^{x}: {ours} vs {std}");
            x += 0.013_7;
        }
        assert_eq!(super::exp(0.0), 1.0);
    }

    #[test]
    fn the_wide_batches_give_the_baselines_bits() {
        // Spread over the losses' logarithms and the rates' exponents, with a tail of three.
        let values: Vec<f64> = (0..4_003).map(|i| -40.0 + f64::from(i) * 0.0173).collect();
        for f in [super::exp_single, super::exp] {
            let (mut wide, mut baseline) = (values.clone(), values.clone());
            super::wide::dispatch(&mut wide, f);
            // The baseline build, whatever the CPU.
            super::in_lanes(&mut baseline, f);
            assert!(wide.iter().zip(&baseline).all(|(a, b)| a.to_bits() == b.to_bits()));
        }
    }

    #[test]
    fn single_precision_is_within_3e_7() {
        let mut x = -700.0;
        while x < 700.0 {
            let (ours, std) = (super::exp_single(x), x.exp());
            assert!(((ours - std) / std).abs() < 3e-7, "e^{x}: {ours} vs {std}");
            x += 0.001_37;
        }
    }
}
