//! The Ed25519 group of Belenios 3 (spec 3.0 §5.2.1), behind the same [`Group`] trait as the finite-field groups,
//! so every proof in [`crate::proofs`] works on it unchanged. The curve arithmetic is curve25519-dalek's.
//!
//! - The order `q` is RFC 8032's `L` (2^252 + 27742317777372353535851937790883648493) and `g` its base point.
//! - An element is written as Belenios writes it: the 256-bit integer `y | (x & 1) << 255` in 64 lower-case hex
//!   digits, big-endian, which is the RFC 8032 encoding with its bytes reversed (`g` is `6666…6658`).
//! - Decoding refuses anything but that canonical form: another length, upper case, `y ≥ p`, a point not on the
//!   curve, or "negative zero". Membership ([`Group::vartime_is_member`]) is the full subgroup check `[q]P = O`,
//!   so a point with a torsion component is refused. Thousands of points at once (an archive's ballots) are
//!   checked together, by random subset sums that miss a point outside the subgroup with probability at most
//!   2^-128 ([`Group::vartime_all_members`]); a failed batch is searched point by point to name the culprit. (belenios-tool 3.0 is more lenient on two points: it keeps a
//!   non-canonical `y ≥ p` in a trustee key, and takes the identity as a trustee key; kenes refuses the first.)
//! - Scalars stay integers modulo `q` written in decimal, as in every group; they are converted to dalek's
//!   [`Scalar`] for each operation.

use std::fmt;
use std::sync::OnceLock;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{
    CompressedEdwardsY, EdwardsBasepointTable, EdwardsPoint, VartimeEdwardsPrecomputation,
};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{
    BasepointTable, Identity, IsIdentity, MultiscalarMul, VartimeMultiscalarMul, VartimePrecomputedMultiscalarMul,
};
use rayon::prelude::*;
use rug::Integer;
use rug::integer::Order;
use zeroize::Zeroize;

use crate::error::Error;
use crate::group::{Embedding, Group, SecretScalar};
use sha2::{Digest, Sha256};

/// The name Belenios gives the group in `election.json` and in proofs of knowledge.
pub const NAME: &str = "Ed25519";

/// The Ed25519 group. Cheap to clone: it holds only a reference to the shared table for `g`.
#[derive(Clone)]
pub struct Ed25519Group {
    inner: &'static Inner,
}

struct Inner {
    q: Integer,
    g: EdwardsPoint,
    g_table: Ed25519Table,
}

/// A fixed-base table: curve25519-dalek's radix-16 table for one point (constant-time selection, for secret
/// exponents), and, built on first use, its wider NAF tables for that point and `g` together (variable time, for
/// public exponents: [`Group::vartime_table_multi_pow`]).
pub struct Ed25519Table {
    table: Box<EdwardsBasepointTable>,
    with_g: OnceLock<VartimeEdwardsPrecomputation>,
}

impl Ed25519Table {
    fn new(base: &EdwardsPoint) -> Self {
        Ed25519Table { table: Box::new(EdwardsBasepointTable::create(base)), with_g: OnceLock::new() }
    }
}

impl fmt::Debug for Ed25519Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ed25519Group")
    }
}

impl Default for Ed25519Group {
    fn default() -> Self {
        Self::new()
    }
}

impl Ed25519Group {
    pub fn new() -> Self {
        static INNER: OnceLock<Inner> = OnceLock::new();
        let inner = INNER.get_or_init(|| Inner {
            q: order_minus_one() + 1u32,
            g: ED25519_BASEPOINT_POINT,
            g_table: Ed25519Table::new(&ED25519_BASEPOINT_POINT),
        });
        Ed25519Group { inner }
    }
}

/// `q − 1`, read from dalek's own constant (−1 as a scalar is `q − 1`), so `q` is never written twice.
fn order_minus_one() -> Integer {
    Integer::from_digits((-Scalar::ONE).as_bytes(), Order::Lsf)
}

/// An integer reduced modulo `q`, as a dalek scalar (any sign).
pub fn to_scalar(value: &Integer, q: &Integer) -> Scalar {
    let mut reduced = Integer::from(value % q);
    if reduced < 0 {
        reduced += q;
    }
    let mut bytes = [0u8; 32];
    let digits = reduced.to_digits::<u8>(Order::Lsf);
    bytes[..digits.len()].copy_from_slice(&digits);
    let scalar = Scalar::from_bytes_mod_order(bytes);
    bytes.zeroize();
    scalar
}

/// A dalek scalar as an integer in `0..q`.
pub fn from_scalar(scalar: &Scalar) -> Integer {
    Integer::from_digits(scalar.as_bytes(), Order::Lsf)
}

impl Group for Ed25519Group {
    type Element = EdwardsPoint;
    type Table = Ed25519Table;
    type Key = [u8; 32];

    fn key(&self, x: &EdwardsPoint) -> [u8; 32] {
        x.compress().to_bytes()
    }

    fn name(&self) -> &str {
        NAME
    }

    fn order(&self) -> &Integer {
        &self.inner.q
    }

    fn generator(&self) -> &EdwardsPoint {
        &self.inner.g
    }

    fn identity(&self) -> EdwardsPoint {
        EdwardsPoint::identity()
    }

    fn mul(&self, a: &EdwardsPoint, b: &EdwardsPoint) -> EdwardsPoint {
        a + b
    }

    fn invert(&self, a: &EdwardsPoint) -> EdwardsPoint {
        -a
    }

    fn vartime_pow(&self, base: &EdwardsPoint, exponent: &Integer) -> EdwardsPoint {
        // Public exponents: dalek's variable-time multiplication (sliding window, NAF) is faster than `base * s`.
        EdwardsPoint::vartime_multiscalar_mul([to_scalar(exponent, &self.inner.q)], [base])
    }

    fn secret_pow(&self, base: &EdwardsPoint, exponent: &SecretScalar) -> EdwardsPoint {
        let mut scalar = to_scalar(exponent.expose(), &self.inner.q);
        let point = base * scalar;
        scalar.zeroize();
        point
    }

    fn secret_multi_pow(&self, terms: &[(&EdwardsPoint, &SecretScalar)]) -> EdwardsPoint {
        // dalek's `multiscalar_mul` (Straus with constant-time table lookups) runs in time independent of the scalars.
        let mut scalars: Vec<Scalar> = terms.iter().map(|(_, e)| to_scalar(e.expose(), &self.inner.q)).collect();
        let product = EdwardsPoint::multiscalar_mul(scalars.iter(), terms.iter().map(|(base, _)| *base));
        scalars.zeroize();
        product
    }

    fn secret_table_pow(&self, table: &Ed25519Table, _base: &EdwardsPoint, exponent: &SecretScalar) -> EdwardsPoint {
        // dalek's fixed-base multiplication selects table entries in constant time.
        let mut scalar = to_scalar(exponent.expose(), &self.inner.q);
        let point = &*table.table * &scalar;
        scalar.zeroize();
        point
    }

    fn table(&self, base: &EdwardsPoint) -> Ed25519Table {
        Ed25519Table::new(base)
    }

    fn vartime_table_pow(&self, table: &Ed25519Table, exponent: &Integer) -> EdwardsPoint {
        &*table.table * &to_scalar(exponent, &self.inner.q)
    }

    fn generator_table(&self) -> &Ed25519Table {
        &self.inner.g_table
    }

    fn vartime_is_member(&self, x: &EdwardsPoint) -> bool {
        // [q]P = O, computed as [q − 1]P + P in variable time (q itself is 0 as a scalar); same answer as dalek's
        // `is_torsion_free`, which multiplies in constant time for nothing secret here.
        (EdwardsPoint::vartime_multiscalar_mul([-Scalar::ONE], [x]) + x).is_identity()
    }

    fn vartime_all_members(&self, xs: &[&EdwardsPoint]) -> bool {
        if xs.len() < BATCH_MEMBERSHIP_MIN {
            return xs.par_iter().all(|x| self.vartime_is_member(x));
        }
        let sums = xs.par_chunks(BATCH_BLOCK * BATCH_BLOCKS_PER_TASK).map(random_subset_sums).reduce(
            || vec![EdwardsPoint::identity(); BATCH_ROUNDS],
            |mut sums, more| {
                for (sum, more) in sums.iter_mut().zip(&more) {
                    *sum += more;
                }
                sums
            },
        );
        sums.par_iter().all(|sum| self.vartime_is_member(sum))
    }

    fn keys(&self, xs: &[&EdwardsPoint]) -> Vec<[u8; 32]> {
        let points: Vec<EdwardsPoint> = xs.iter().map(|x| **x).collect();
        EdwardsPoint::compress_batch_alloc(&points).into_iter().map(|compressed| compressed.to_bytes()).collect()
    }

    fn vartime_table_multi_pow(
        &self,
        table: &Ed25519Table,
        base: &EdwardsPoint,
        exponent: &Integer,
        terms: &[(&EdwardsPoint, &Integer)],
    ) -> Option<EdwardsPoint> {
        // `g` and `base` come from their wide NAF tables (built once), the other terms from tables built here.
        let q = &self.inner.q;
        let g = &self.inner.g;
        let precomputed = table.with_g.get_or_init(|| VartimeEdwardsPrecomputation::new([*g, *base]));
        let mut g_exponent = Scalar::ZERO;
        let mut dynamic = Vec::with_capacity(terms.len());
        for &(point, e) in terms {
            if std::ptr::eq(point, g) {
                g_exponent += to_scalar(e, q);
            } else {
                dynamic.push((to_scalar(e, q), point));
            }
        }
        Some(precomputed.vartime_mixed_multiscalar_mul(
            [g_exponent, to_scalar(exponent, q)],
            dynamic.iter().map(|(s, _)| s),
            dynamic.iter().map(|(_, p)| *p),
        ))
    }

    fn vartime_multi_pow(&self, terms: &[(&EdwardsPoint, &Integer)]) -> Option<EdwardsPoint> {
        let q = &self.inner.q;
        let g = &self.inner.g;
        let is_g = |base: &EdwardsPoint| std::ptr::eq(base, g);
        // A term `g^0` (a branch for the plaintext 0) costs a table and nothing else: it is left out.
        let terms: Vec<(&EdwardsPoint, &Integer)> =
            terms.iter().copied().filter(|(base, exponent)| !(is_g(base) && **exponent == 0)).collect();
        // `g^a · P^b`, the commitment of most proofs: dalek's double-base multiplication reads `g`'s multiples from
        // its static table instead of computing them.
        match terms[..] {
            [(base, a), (point, b)] | [(point, b), (base, a)] if is_g(base) => {
                return Some(EdwardsPoint::vartime_double_scalar_mul_basepoint(
                    &to_scalar(b, q),
                    point,
                    &to_scalar(a, q),
                ));
            }
            _ => {}
        }
        Some(EdwardsPoint::vartime_multiscalar_mul(
            terms.iter().map(|(_, exponent)| to_scalar(exponent, q)),
            terms.iter().map(|(base, _)| *base),
        ))
    }

    fn embedding(&self) -> Option<Embedding> {
        // Spec 3.0 §5.2.1: κ = 8, 14 bits of padding; the integer is a compressed point with its sign bit clear.
        Some(Embedding { bits_per_int: 8, padding: 14, capacity: 254 })
    }

    fn of_ints(&self, values: &[u32]) -> Result<EdwardsPoint, Error> {
        let embedding = self.embedding().unwrap_or(Embedding { bits_per_int: 8, padding: 14, capacity: 254 });
        embedding.check(values)?;
        let start = embedding.encode(values);
        // The smallest z ≥ start that decompresses to a point of the prime-order subgroup (about one in sixteen
        // does: half are on the curve, one in eight of those has no torsion part); 14 bits of padding leave room.
        (0u32..1 << embedding.padding)
            .map(|epsilon| Integer::from(&start + epsilon))
            .find_map(|z| decompress_integer(&z).filter(|point| self.vartime_is_member(point)))
            .ok_or_else(|| Error::Usage("no point embeds these values".to_owned()))
    }

    fn to_ints(&self, x: &EdwardsPoint, n: usize) -> Vec<u32> {
        let embedding = self.embedding().unwrap_or(Embedding { bits_per_int: 8, padding: 14, capacity: 254 });
        embedding.decode(&Integer::from_digits(x.compress().as_bytes(), Order::Lsf), n)
    }

    fn belenios_order(&self, a: &EdwardsPoint, b: &EdwardsPoint) -> std::cmp::Ordering {
        a.compress().to_bytes().cmp(&b.compress().to_bytes())
    }

    fn independent_generator(&self, i: i64) -> Option<EdwardsPoint> {
        // Table 9: x = SHA256("ggen|" i) >> 2, the first point at x + ε, times the cofactor 8.
        let digest = Sha256::digest(format!("ggen|{i}").as_bytes());
        let start = Integer::from_digits(digest.as_slice(), Order::Msf) >> 2u32;
        let point = (0u32..).map(|epsilon| Integer::from(&start + epsilon)).find_map(|z| decompress_integer(&z))?;
        let h = point.mul_by_cofactor();
        (!h.is_identity() && h != self.inner.g).then_some(h)
    }

    fn encode(&self, x: &EdwardsPoint) -> String {
        let mut bytes = x.compress().to_bytes();
        bytes.reverse();
        hex::encode(bytes)
    }

    fn encode_many(&self, xs: &[&EdwardsPoint]) -> Vec<String> {
        let points: Vec<EdwardsPoint> = xs.iter().map(|x| **x).collect();
        EdwardsPoint::compress_batch_alloc(&points)
            .into_iter()
            .map(|compressed| {
                let mut bytes = compressed.to_bytes();
                bytes.reverse();
                hex::encode(bytes)
            })
            .collect()
    }

    fn decode(&self, text: &str) -> Result<EdwardsPoint, Error> {
        let bad = |why: &str| Error::Encoding(format!("not an Ed25519 point ({why}): {text:.64}"));
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(bad("64 lower-case hex digits are needed"));
        }
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(text, &mut bytes).map_err(|_| bad("hex"))?;
        bytes.reverse();
        // dalek reduces y ≥ p and takes x = 0 with the sign bit set: only the encoding it writes back is canonical,
        // which is decided on the bytes (recompressing would cost an inversion per element read).
        if !canonical(&bytes) {
            return Err(bad("not the canonical encoding"));
        }
        CompressedEdwardsY(bytes).decompress().ok_or_else(|| bad("not on the curve"))
    }

    fn g_pow_small(&self, m: i64) -> EdwardsPoint {
        let scalar = if m >= 0 { Scalar::from(m.unsigned_abs()) } else { -Scalar::from(m.unsigned_abs()) };
        EdwardsPoint::mul_base(&scalar)
    }
}

/// Batches smaller than this are checked point by point: 128 rounds of `[q]S` cost as much as that many points.
const BATCH_MEMBERSHIP_MIN: usize = 1024;
/// Random subset sums in a batched membership check: a batch with a point outside the subgroup passes each with
/// probability at most 1/2, so all of them with probability at most 2^-128.
const BATCH_ROUNDS: usize = 128;
/// Points per block: each block's 2^6 subset sums are tabulated (63 additions), then each round adds one of them,
/// about 32 additions per point in all (against about 300 point operations for `[q]P`).
const BATCH_BLOCK: usize = 6;
/// Blocks per parallel task (one read of the OS's random generator each).
const BATCH_BLOCKS_PER_TASK: usize = 32;

/// The [`BATCH_ROUNDS`] sums `S_j = Σ_i b_ij · P_i` over `points`, with bits `b_ij` from the operating system's
/// random generator (which an archive's author cannot predict).
///
/// Why a batch passes only if every point is in the subgroup, but for probability 2^-128: write each point as
/// `P_i = Q_i + T_i`, `Q_i` in the subgroup of order `q` and `T_i` in the 8-torsion. Then `[q]S_j = Σ_i b_ij · [q]T_i`,
/// and `[q]` is a bijection of the 8-torsion (q is odd), so `[q]S_j = O` exactly when `Σ_i b_ij · T_i = O`. If some
/// `T_k ≠ O`, whatever the other bits give, at most one of `b_kj = 0` and `b_kj = 1` makes the sum `O`: each round
/// passes with probability at most 1/2, independently. When every point is in the subgroup, every round passes.
fn random_subset_sums(points: &[&EdwardsPoint]) -> Vec<EdwardsPoint> {
    use rand_core::RngCore;
    let mut sums = vec![EdwardsPoint::identity(); BATCH_ROUNDS];
    let mut bits = vec![0u8; BATCH_ROUNDS * points.len().div_ceil(BATCH_BLOCK)];
    rand_core::OsRng.fill_bytes(&mut bits);
    let mut table: Vec<EdwardsPoint> = Vec::with_capacity(1 << BATCH_BLOCK);
    for (block, bits) in points.chunks(BATCH_BLOCK).zip(bits.chunks(BATCH_ROUNDS)) {
        // table[m] = Σ of block[i] for the bits i set in m.
        table.clear();
        table.push(EdwardsPoint::identity());
        for m in 1usize..(1 << block.len()) {
            let sum = table[m & (m - 1)] + block[m.trailing_zeros() as usize];
            table.push(sum);
        }
        let mask = table.len() - 1;
        for (sum, &b) in sums.iter_mut().zip(bits) {
            *sum += &table[usize::from(b) & mask];
        }
    }
    sums
}

/// Whether compressed bytes (little-endian `y`, the sign of `x` in bit 255) are the encoding dalek writes back for
/// the point they decompress to: `y` below p = 2^255 − 19, and no sign bit on the two points with x = 0 (y = ±1).
fn canonical(bytes: &[u8; 32]) -> bool {
    let sign = bytes[31] >> 7 == 1;
    let mut y = *bytes;
    y[31] &= 0x7f;
    // y < p: p is ed ff … ff 7f in little-endian bytes; compared from the most significant byte down.
    const P: [u8; 32] = {
        let mut p = [0xffu8; 32];
        p[0] = 0xed;
        p[31] = 0x7f;
        p
    };
    let below_p = y.iter().rev().zip(P.iter().rev()).find(|(a, b)| a != b).is_some_and(|(a, b)| a < b);
    let mut one = [0u8; 32];
    one[0] = 1;
    let mut minus_one = P;
    minus_one[0] = 0xec;
    below_p && !(sign && (y == one || y == minus_one))
}

/// Belenios' `uncompress` on a non-negative integer below 2^256: `y` is its low 255 bits (reduced modulo p), the sign
/// of `x` its bit 255; `None` when no point has that `y`.
fn decompress_integer(z: &Integer) -> Option<EdwardsPoint> {
    let digits = z.to_digits::<u8>(Order::Lsf);
    if digits.len() > 32 {
        return None;
    }
    let mut bytes = [0u8; 32];
    bytes[..digits.len()].copy_from_slice(&digits);
    CompressedEdwardsY(bytes).decompress()
}
