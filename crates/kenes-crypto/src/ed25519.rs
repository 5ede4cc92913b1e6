//! The Ed25519 group of Belenios 3 (spec 3.0 §5.2.1), behind the same [`Group`] trait as the finite-field groups,
//! so every proof in [`crate::proofs`] works on it unchanged. The curve arithmetic is curve25519-dalek's.
//!
//! - The order `q` is RFC 8032's `L` (2^252 + 27742317777372353535851937790883648493) and `g` its base point.
//! - An element is written as Belenios writes it: the 256-bit integer `y | (x & 1) << 255` in 64 lower-case hex
//!   digits, big-endian, which is the RFC 8032 encoding with its bytes reversed (`g` is `6666…6658`).
//! - Decoding refuses anything but that canonical form: another length, upper case, `y ≥ p`, a point not on the
//!   curve, or "negative zero". Membership ([`Group::vartime_is_member`]) is the full subgroup check `[q]P = O`,
//!   so a point with a torsion component is refused. (belenios-tool 3.0 is more lenient on two points: it keeps a
//!   non-canonical `y ≥ p` in a trustee key, and takes the identity as a trustee key; kenes refuses the first.)
//! - Scalars stay integers modulo `q` written in decimal, as in every group; they are converted to dalek's
//!   [`Scalar`] for each operation.

use std::fmt;
use std::sync::OnceLock;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsBasepointTable, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{BasepointTable, Identity, IsIdentity, MultiscalarMul, VartimeMultiscalarMul};
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

/// A fixed-base table: curve25519-dalek's radix-16 table for one point.
pub struct Ed25519Table(Box<EdwardsBasepointTable>);

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
        let inner = INNER.get_or_init(|| {
            let table = EdwardsBasepointTable::create(&ED25519_BASEPOINT_POINT);
            Inner { q: order_minus_one() + 1u32, g: ED25519_BASEPOINT_POINT, g_table: Ed25519Table(Box::new(table)) }
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
        let point = &*table.0 * &scalar;
        scalar.zeroize();
        point
    }

    fn table(&self, base: &EdwardsPoint) -> Ed25519Table {
        Ed25519Table(Box::new(EdwardsBasepointTable::create(base)))
    }

    fn vartime_table_pow(&self, table: &Ed25519Table, exponent: &Integer) -> EdwardsPoint {
        &*table.0 * &to_scalar(exponent, &self.inner.q)
    }

    fn generator_table(&self) -> &Ed25519Table {
        &self.inner.g_table
    }

    fn vartime_is_member(&self, x: &EdwardsPoint) -> bool {
        // [q]P = O, computed as [q − 1]P + P in variable time (q itself is 0 as a scalar); same answer as dalek's
        // `is_torsion_free`, which multiplies in constant time for nothing secret here.
        (EdwardsPoint::vartime_multiscalar_mul([-Scalar::ONE], [x]) + x).is_identity()
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
