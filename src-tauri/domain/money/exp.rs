//! e^x in plain arithmetic, for the simulation's hot loops: the compiler can vectorise it over a
//! batch of draws (the C library's `exp` is a call per value, and was most of the run time), and
//! being nothing but IEEE adds and multiplies it gives the same bits on every machine.

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
    let mut chunks = values.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let mut lanes = [0.0; 8];
        lanes.copy_from_slice(chunk);
        for lane in &mut lanes {
            *lane = exp_single(*lane);
        }
        chunk.copy_from_slice(&lanes);
    }
    for v in chunks.into_remainder() {
        *v = exp_single(*v);
    }
}

/// e^x for each value in place, eight at a time: the polynomial is a chain of a dozen dependent
/// steps, and eight values in flight (four two-lane registers) keep the multiplier busy where
/// one register's worth waited on each step.
pub fn exp_all(values: &mut [f64]) {
    let mut chunks = values.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let mut lanes = [0.0; 8];
        lanes.copy_from_slice(chunk);
        for lane in &mut lanes {
            *lane = exp(*lane);
        }
        chunk.copy_from_slice(&lanes);
    }
    for v in chunks.into_remainder() {
        *v = exp(*v);
    }
}

#[cfg(test)]
mod tests {
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
    fn single_precision_is_within_3e_7() {
        let mut x = -700.0;
        while x < 700.0 {
            let (ours, std) = (super::exp_single(x), x.exp());
            assert!(((ours - std) / std).abs() < 3e-7, "e^{x}: {ours} vs {std}");
            x += 0.001_37;
        }
    }
}
