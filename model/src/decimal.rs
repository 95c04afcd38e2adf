//! Decimal numbers written and read by hand, for the few places the app needs them (map path
//! coordinates, the trend line, a position in an alert). `format!("{:.1}", x)` and
//! `str::parse::<f64>` pull Rust's general float printing and parsing into the wasm (about
//! 11 kB of code) for these few digits. Both functions here give exactly what those give:
//! the tests compare them on many values and on every number of the map files.

/// `x` with `digits` decimals (at most 9), rounded half to even from its exact binary value:
/// what `format!("{x:.digits$}")` writes.
pub fn fixed(x: f64, digits: u32) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let digits = digits.min(9);
    let p = 10u64.pow(digits);
    let x = x.abs();
    // The whole part is exact below 2^64 (and every f64 from 2^52 on is whole); beyond, the
    // digits saturate. The fraction `x - whole` is exact too.
    let mut int = x.trunc() as u64;
    let f = x - x.trunc();
    // f = m · 2^e exactly (m < 2^53, e < 0); f · 10^digits = m · 10^digits · 2^e with
    // m · 10^digits < 2^83 in a u128, rounded half to even on the last digit of the result.
    let bits = f.to_bits();
    let (exp, mant) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if exp == 0 { (mant, -1074) } else { (mant | 1 << 52, exp - 1075) };
    let mut frac = if f == 0.0 || e < -120 {
        0
    } else {
        let scaled = u128::from(m) * u128::from(p);
        let shift = (-e) as u32;
        let (q, r) = ((scaled >> shift) as u64, scaled & ((1u128 << shift) - 1));
        let half = 1u128 << (shift - 1);
        let odd = if digits == 0 { (int + q) & 1 == 1 } else { q & 1 == 1 };
        if r > half || (r == half && odd) { q + 1 } else { q }
    };
    if frac == p {
        int += 1;
        frac = 0;
    }
    if digits == 0 {
        format!("{sign}{}", int + frac)
    } else {
        format!("{sign}{int}.{frac:0width$}", width = digits as usize)
    }
}

/// The value of a decimal number split into its parts: `digits` (the digits without the
/// point, at most 19 of them) times ten to `exp`, negative when `negative`. Exact (as
/// `str::parse::<f64>`) whenever `digits < 2^53` and `|exp| <= 22`, which holds for every
/// number the pipeline writes; otherwise within a rounding step or two.
pub fn from_parts(negative: bool, digits: u64, exp: i32) -> f64 {
    // Powers of ten up to 10^22 are exact in f64, and one multiplication or division of two
    // exact values rounds correctly (Clinger's fast path).
    let v = digits as f64;
    let v = if exp >= 0 { v * 10f64.powi(exp) } else { v / 10f64.powi(-exp) };
    if negative { -v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_format_writes() {
        let mut values = vec![0.0, -0.0, 0.25, 0.35, 2.5, -2.5, 1.05, 0.05, 29.760425, -95.369805, 1e-9, 123456.789, 4.0, 80.0, 0.95, 9.95];
        // A spread of values with many digits, both signs, small and large.
        let mut s = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let unit = (s >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 1000.0, 1e6, 1e-3][(s % 5) as usize];
            values.push((unit - 0.5) * scale);
        }
        // Exact ties at every number of decimals.
        for k in 0..2000 {
            values.push(k as f64 / 8.0);
            values.push(-(k as f64) / 32.0);
        }
        for v in values {
            for d in [0, 1, 2, 5] {
                assert_eq!(fixed(v, d), format!("{v:.*}", d as usize), "{v} with {d} decimals");
            }
        }
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(fixed(1e19, 1), "10000000000000000000.0");
    }

    #[test]
    fn parts_give_what_parse_gives() {
        for (text, neg, digits, exp) in [("670.2", false, 6702, -1), ("-.3", true, 3, -1), ("1e3", false, 1, 3), ("0", false, 0, 0), ("-4.25", true, 425, -2)] {
            assert_eq!(from_parts(neg, digits, exp), text.parse::<f64>().unwrap(), "{text}");
        }
    }
}
