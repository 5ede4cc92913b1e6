//! Prime-order groups (spec §5): the `Group` abstraction and its finite-field implementation.
//!
//! Belenios 2.0 works in a subgroup of order `q` of `Z_p^*` (BELENIOS-2048 and RFC-3526-2048, spec §5.1 and §5.2).
//! Protocol code is written against the [`Group`] trait so that an elliptic-curve group (Belenios 2.x's Ed25519)
//! can be added by implementing the trait, without touching proofs, ballots or the tally.
//!
//! Arithmetic is GMP through `rug`: it is the fastest audited big-integer code available (about 280 µs for a
//! 2048-bit modulus and a 256-bit exponent here, against 400–460 µs for `crypto-bigint`), and verification is
//! dominated by public-exponent exponentiations. Exponentiations with a *secret* exponent (keys, credentials,
//! ballot randomness) go through GMP's `mpz_powm_sec` (`secure_pow_mod`), whose running time and memory access
//! pattern do not depend on the exponent. Everything named `vartime_*` may leak its exponent through timing and
//! must only be given public values.
//!
//! Work sharing in verification (all of it public, so variable time):
//! - `g` and the election key `y` have fixed-base tables ([`FfTable`]): `g^e` is one multiplication per 8-bit digit.
//! - A variable base is raised to several exponents at once by [`Group::vartime_pow_many`] (Yao's method): the
//!   squarings `x^(2^(w·i))` are computed once and each exponent then costs one multiplication per `w`-bit digit
//!   plus `2^(w+1)` to combine its buckets. A ciphertext's `α` meets two challenges in its 0/1 proof and the sum of
//!   a question meets one challenge per allowed total, so most squarings are shared.
//!
//! Subgroup membership (spec §4, `G.check`: `0 < x < p` and `x^q = 1`) is always decided exactly, never
//! probabilistically:
//! - For RFC-3526-2048, `p = 2q + 1` is a safe prime, so the subgroup of order `q` is exactly the set of quadratic
//!   residues, and the Jacobi symbol `(x/p) = 1` decides membership without any exponentiation.
//! - For BELENIOS-2048, `x^q` is computed exactly, as one more exponent in [`Group::vartime_member_pow_many`]: it
//!   rides on the squarings the proof verification computes anyway, so it costs about a third of a separate
//!   exponentiation.
//!
//! Why BELENIOS-2048 memberships are not batched with a random linear combination (`(Π x_i^{e_i})^q = 1` for
//! random `e_i`): writing `Z_p^* = G_q × H` with `|H| = (p−1)/q`, an element `x = u·h` with `h ≠ 1` passes such a
//! batch with probability up to `1/ℓ`, where `ℓ` is the smallest prime factor of the order of `h`. Here
//! `(p−1)/q = 2 · 3 · m` with `m` a 1790-bit number without prime factors below 10^6 but not known to be prime or
//! factored. The factor 2 could be excluded exactly by a Jacobi symbol, the factor 3 only by a cubic residue
//! symbol, and for `m` nothing bounds `ℓ` by more than 10^6 without a factorisation, so no batch has a provable
//! error below 2^-20. The exact check folded into the shared squarings costs one `w`-bit-digit pass per element,
//! about as much as the random exponent of a batch would, so nothing worth having is lost.

use std::fmt;
use std::sync::Arc;

use rug::integer::Order;
use rug::{Assign, Integer};
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

use crate::error::Error;

/// A secret exponent modulo `q`: hidden from `Debug`, overwritten when dropped.
pub struct SecretScalar(Integer);

impl SecretScalar {
    /// Wraps a secret value; the caller guarantees `0 <= value < q`.
    pub fn new(value: Integer) -> Self {
        SecretScalar(value)
    }

    /// The secret value, for arithmetic modulo q (never log or serialize it except into a private file).
    pub fn expose(&self) -> &Integer {
        &self.0
    }
}

impl Clone for SecretScalar {
    fn clone(&self) -> Self {
        SecretScalar(self.0.clone())
    }
}

impl Drop for SecretScalar {
    fn drop(&mut self) {
        wipe_integer(&mut self.0);
    }
}

impl fmt::Debug for SecretScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretScalar(<hidden>)")
    }
}

/// Overwrites the limbs of an integer in place before it is freed.
///
/// GMP reuses an integer's allocation when the new value fits, so assigning a value with all bits set and the same
/// number of limbs overwrites every limb that held the secret; the value is then set to zero.
pub fn wipe_integer(value: &mut Integer) {
    let bits = value.significant_bits().max(64);
    let mut ones = Integer::from(1) << bits;
    ones -= 1;
    value.assign(&ones);
    value.assign(0);
    let mut digits = ones.to_digits::<u64>(Order::Lsf);
    digits.zeroize();
}

/// A group of prime order `q` in which Belenios ballots, keys and proofs live.
///
/// Scalars are always integers modulo `q`; elements are the implementation's own type.
pub trait Group: Send + Sync + fmt::Debug {
    /// A group element.
    type Element: Clone + PartialEq + Eq + Send + Sync + fmt::Debug;
    /// A precomputed table for exponentiations of one fixed base.
    type Table: Send + Sync;
    /// A hashable form of an element, equal exactly when the elements are (maps keyed by credential, discrete-log
    /// tables).
    type Key: std::hash::Hash + Eq + Clone + Send + Sync + fmt::Debug;

    /// The group's name as written in `election.json` (`"BELENIOS-2048"`), also hashed in proofs of knowledge.
    fn name(&self) -> &str;
    /// The group order `q`.
    fn order(&self) -> &Integer;
    /// The generator `g`.
    fn generator(&self) -> &Self::Element;
    /// The neutral element.
    fn identity(&self) -> Self::Element;
    /// The hashable form of `x`.
    fn key(&self, x: &Self::Element) -> Self::Key;
    /// `a · b`.
    fn mul(&self, a: &Self::Element, b: &Self::Element) -> Self::Element;
    /// `a⁻¹`.
    fn invert(&self, a: &Self::Element) -> Self::Element;
    /// `base^exponent` for a public exponent (any sign; negative exponents invert).
    fn vartime_pow(&self, base: &Self::Element, exponent: &Integer) -> Self::Element;
    /// `base^exponent` for a secret exponent, in time independent of the exponent's value.
    fn secret_pow(&self, base: &Self::Element, exponent: &SecretScalar) -> Self::Element;
    /// `Π base_i^exponent_i` for secret exponents, in time independent of their values. Elliptic curves answer
    /// with a constant-time multi-scalar multiplication; the default multiplies one secret power at a time.
    fn secret_multi_pow(&self, terms: &[(&Self::Element, &SecretScalar)]) -> Self::Element {
        terms
            .iter()
            .fold(self.identity(), |product, (base, exponent)| self.mul(&product, &self.secret_pow(base, exponent)))
    }
    /// `base^exponent` for a secret exponent, with `table` (built by [`Group::table`] for `base`) when the group's
    /// table lookups take constant time (Ed25519's do); the default ignores the table and calls
    /// [`Group::secret_pow`], because a finite field's table lookups would reveal the exponent's digits.
    fn secret_table_pow(&self, table: &Self::Table, base: &Self::Element, exponent: &SecretScalar) -> Self::Element {
        let _ = table;
        self.secret_pow(base, exponent)
    }
    /// Builds a fixed-base table for `base` (used for `g` and the election key `y`).
    fn table(&self, base: &Self::Element) -> Self::Table;
    /// Builds a fixed-base table for `base` sized for about `uses` exponentiations: a larger table costs more to
    /// build and less per use.
    fn table_for_uses(&self, base: &Self::Element, uses: usize) -> Self::Table {
        let _ = uses;
        self.table(base)
    }
    /// `base^exponent` with a table, for a public exponent `0 <= exponent < q`.
    fn vartime_table_pow(&self, table: &Self::Table, exponent: &Integer) -> Self::Element;
    /// The table for `g`, built once per group.
    fn generator_table(&self) -> &Self::Table;
    /// Whether `x` is in the subgroup of order `q` (spec: `G.check`), in variable time.
    fn vartime_is_member(&self, x: &Self::Element) -> bool;
    /// Whether every element of `xs` is in the subgroup of order `q`, in parallel. `false` means that at least one
    /// is not (never a false refusal); callers that must name it look for it with [`Group::vartime_is_member`].
    /// Implementations may decide a large batch at once with probability of error at most 2^-128 (see
    /// [`crate::ed25519`]).
    fn vartime_all_members(&self, xs: &[&Self::Element]) -> bool {
        use rayon::prelude::*;
        xs.par_iter().all(|x| self.vartime_is_member(x))
    }
    /// The hashable forms of several elements, as [`Group::key`] gives each; a curve shares one field inversion
    /// among them all.
    fn keys(&self, xs: &[&Self::Element]) -> Vec<Self::Key> {
        xs.iter().map(|x| self.key(x)).collect()
    }
    /// `base^e` for each public exponent `e` (`0 <= e < q`); implementations share work between the exponents.
    fn vartime_pow_many(&self, base: &Self::Element, exponents: &[&Integer]) -> Vec<Self::Element> {
        exponents.iter().map(|e| self.vartime_pow(base, e)).collect()
    }
    /// `base^e` for each public exponent if `base` is in the subgroup (as [`Group::vartime_is_member`] decides),
    /// `None` if it is not; implementations may decide membership on the same work as the powers.
    fn vartime_member_pow_many(&self, base: &Self::Element, exponents: &[&Integer]) -> Option<Vec<Self::Element>> {
        if !self.vartime_is_member(base) {
            return None;
        }
        Some(self.vartime_pow_many(base, exponents))
    }
    /// `Π base_i^exponent_i` for public exponents in one pass, or `None` when the group has no faster way than one
    /// power at a time with the tables the caller holds (finite fields: their fixed-base tables win). Elliptic curves
    /// answer with a multi-scalar multiplication, which costs about one multiplication for two or three terms.
    fn vartime_multi_pow(&self, terms: &[(&Self::Element, &Integer)]) -> Option<Self::Element> {
        let _ = terms;
        None
    }
    /// `base^exponent · Π base_i^exponent_i` for public exponents, `table` being `base`'s ([`Group::table`]), or
    /// `None` as for [`Group::vartime_multi_pow`]. A curve keeps wide tables for `base` and `g` beside `table`.
    fn vartime_table_multi_pow(
        &self,
        table: &Self::Table,
        base: &Self::Element,
        exponent: &Integer,
        terms: &[(&Self::Element, &Integer)],
    ) -> Option<Self::Element> {
        let _ = (table, base, exponent, terms);
        None
    }
    /// How this group embeds a vector of small integers in one element for non-homomorphic answers (spec 3.0 §5:
    /// `of_ints`, `to_ints`), or `None` when it has none (BELENIOS-2048).
    fn embedding(&self) -> Option<Embedding> {
        None
    }
    /// `of_ints`: the element that embeds `values` (each below `2^bits_per_int`): the integer `((v1·2^κ + v2)·2^κ
    /// + … + vn)·2^padding`, plus the smallest `ε` that makes it a group element. Callers check the values and
    /// their number against [`Group::embedding`] first ([`Embedding::check`]).
    fn of_ints(&self, values: &[u32]) -> Result<Self::Element, Error> {
        let _ = values;
        Err(Error::Usage(format!("the group {} has no embedding for non-homomorphic answers", self.name())))
    }
    /// `to_ints`: the `n` small integers an element embeds (the inverse of [`Group::of_ints`]); an element that was
    /// not made by it gives whatever its bits say, as in Belenios.
    fn to_ints(&self, x: &Self::Element, n: usize) -> Vec<u32> {
        let _ = (x, n);
        Vec::new()
    }
    /// The order belenios-tool sorts a ranked question's ciphertexts in when it builds the encrypted tally: for
    /// finite fields the integers; for Ed25519 the 32 bytes of RFC 8032's encoding, compared as bytes (libsodium's
    /// form of the points it parses). belenios-tool checks shuffles against the tally it recomputes in this order,
    /// so kenes writes the tally in it too.
    fn belenios_order(&self, a: &Self::Element, b: &Self::Element) -> std::cmp::Ordering;
    /// `GetGenerator(i)` (spec 3.0 §6, tables 8 and 9): a generator derived from `SHA256("ggen|" i)` whose discrete
    /// logarithm nobody knows, for the shuffle proofs' commitments (`i = -1` is the secondary generator `h`).
    /// `None` in the rare case the spec aborts (the derived element is the identity or `g`).
    fn independent_generator(&self, i: i64) -> Option<Self::Element>;

    /// The string form of an element, as written in JSON and in hash inputs (decimal for finite fields).
    fn encode(&self, x: &Self::Element) -> String;
    /// The string forms of several elements, as [`Group::encode`] writes each; a curve shares one field inversion
    /// among them all.
    fn encode_many(&self, xs: &[&Self::Element]) -> Vec<String> {
        xs.iter().map(|x| self.encode(x)).collect()
    }
    /// Parses an element from its string form; checks the encoding and range, not subgroup membership.
    fn decode(&self, text: &str) -> Result<Self::Element, Error>;
    /// `g^m` for a small public integer (plaintexts and interval bounds).
    fn g_pow_small(&self, m: i64) -> Self::Element {
        self.vartime_pow(self.generator(), &Integer::from(m))
    }
    /// The discrete logarithm of `x` in base `g`, searched in `0..=bound` (spec §4.19).
    fn vartime_small_log(&self, x: &Self::Element, bound: u64) -> Option<u64> {
        let mut current = self.identity();
        let g = self.generator().clone();
        for m in 0..=bound {
            if &current == x {
                return Some(m);
            }
            current = self.mul(&current, &g);
        }
        None
    }
}

/// A group's embedding of small integers (spec 3.0 §5.1: `bits_per_int` κ, then `padding` bits for `ε`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embedding {
    pub bits_per_int: u32,
    pub padding: u32,
    /// The bits available for `κ·n + padding` without leaving the group's range (254 for Ed25519, whose encoded
    /// integer is a `y` coordinate below `p` with the sign bit clear; 2047 for a 2048-bit `p`).
    pub capacity: u32,
}

impl Embedding {
    /// The most integers one element embeds.
    pub fn max_values(&self) -> usize {
        ((self.capacity.saturating_sub(self.padding)) / self.bits_per_int) as usize
    }

    /// The largest value one integer can take.
    pub fn max_value(&self) -> u32 {
        (1u32 << self.bits_per_int) - 1
    }

    /// Whether `values` fit: at most [`Embedding::max_values`] of them, each at most [`Embedding::max_value`].
    pub fn check(&self, values: &[u32]) -> Result<(), Error> {
        if values.len() > self.max_values() {
            return Err(Error::Usage(format!(
                "{} values do not fit in one element; at most {}",
                values.len(),
                self.max_values()
            )));
        }
        if let Some(value) = values.iter().find(|&&v| v > self.max_value()) {
            return Err(Error::Usage(format!(
                "the value {value} is above {}, the most one answer can hold",
                self.max_value()
            )));
        }
        Ok(())
    }

    /// The integer `((v1·2^κ + v2)·2^κ + … + vn)·2^padding` that `of_ints` starts its search from.
    pub fn encode(&self, values: &[u32]) -> Integer {
        let mut accu = Integer::new();
        for &v in values {
            accu <<= self.bits_per_int;
            accu += v & self.max_value();
        }
        accu <<= self.padding;
        accu
    }

    /// The `n` integers in `x` (the inverse of [`Embedding::encode`], ignoring the padding bits).
    pub fn decode(&self, x: &Integer, n: usize) -> Vec<u32> {
        let mut rest = Integer::from(x >> self.padding);
        let mut values = vec![0u32; n];
        for value in values.iter_mut().rev() {
            *value = Integer::from(&rest & self.max_value()).to_u32().unwrap_or(0);
            rest >>= self.bits_per_int;
        }
        values
    }
}

/// A parsed decimal integer: digits only, no sign, no leading zero (the only form Belenios writes).
pub fn parse_decimal(text: &str) -> Result<Integer, Error> {
    let canonical =
        !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'));
    if !canonical {
        return Err(Error::Encoding(format!("not a canonical decimal integer: {:.40}", text)));
    }
    if let Some(x) = small_decimal(text) {
        return Ok(x);
    }
    Integer::from_str_radix(text, 10).map_err(|_| Error::Encoding(format!("not a decimal integer: {:.40}", text)))
}

/// The value of at most 76 ASCII digits (below 10^76 < 2^253: a scalar of either group), read 19 digits at a time
/// into four 64-bit limbs: what a ballot's proofs are made of, read many times faster than by a general decimal
/// parser. `None` for longer texts.
fn small_decimal(text: &str) -> Option<Integer> {
    if text.len() > 76 {
        return None;
    }
    let mut limbs = [0u64; 4];
    for chunk in text.as_bytes().chunks(19) {
        let (mut value, mut scale) = (0u64, 1u64);
        for digit in chunk {
            value = value * 10 + u64::from(digit - b'0');
            scale *= 10;
        }
        // limbs = limbs × 10^len(chunk) + value; never overflows: the whole number stays below 10^76.
        let mut carry = u128::from(value);
        for limb in &mut limbs {
            let product = u128::from(*limb) * u128::from(scale) + carry;
            *limb = product as u64;
            carry = product >> 64;
        }
    }
    Some(Integer::from_digits(&limbs, Order::Lsf))
}

/// A scalar modulo q as written in JSON: decimal, `0 <= x < q`.
pub fn decode_scalar(text: &str, q: &Integer) -> Result<Integer, Error> {
    let x = parse_decimal(text)?;
    if x >= *q {
        return Err(Error::Encoding(format!("scalar not below q: {:.40}", text)));
    }
    Ok(x)
}

/// The finite-field group parameters of spec §4.10 (`g`, `p`, `q`).
#[derive(Clone)]
pub struct FfGroup {
    inner: Arc<FfInner>,
}

struct FfInner {
    name: String,
    p: Integer,
    q: Integer,
    g: Integer,
    /// Whether `p = 2q + 1`: then the subgroup is exactly the quadratic residues.
    safe_prime: bool,
    g_table: FfTable,
}

impl fmt::Debug for FfGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FfGroup").field("name", &self.inner.name).finish()
    }
}

/// A fixed-base table: `rows[i][d] = base^(d · 2^(w·i))`, so `base^e` is one product per `w`-bit digit of `e`.
pub struct FfTable {
    window: u32,
    rows: Vec<Vec<Integer>>,
}

const BELENIOS_2048_P: &str = "20694785691422546401013643657505008064922989295751104097100884787057374219242717401922237254497684338129066633138078958404960054389636289796393038773905722803605973749427671376777618898589872735865049081167099310535867780980030790491654063777173764198678527273474476341835600035698305193144284561701911000786737307333564123971732897913240474578834468260652327974647951137672658693582180046317922073668860052627186363386088796882120769432366149491002923444346373222145884100586421050242120365433561201320481118852408731077014151666200162313177169372189248078507711827842317498073276598828825169183103125680162072880719";
const BELENIOS_2048_G: &str = "2402352677501852209227687703532399932712287657378364916510075318787663274146353219320285676155269678799694668298749389095083896573425601900601068477164491735474137283104610458681314511781646755400527402889846139864532661215055797097162016168270312886432456663834863635782106154918419982534315189740658186868651151358576410138882215396016043228843603930989333662772848406593138406010231675095763777982665103606822406635076697764025346253773085133173495194248967754052573659049492477631475991575198775177711481490920456600205478127054728238140972518639858334115700568353695553423781475582491896050296680037745308460627";
const BELENIOS_2048_Q: &str = "78571733251071885079927659812671450121821421258408794611510081919805623223441";
const RFC_3526_2048_P: &str = "32317006071311007300338913926423828248817941241140239112842009751400741706634354222619689417363569347117901737909704191754605873209195028853758986185622153212175412514901774520270235796078236248884246189477587641105928646099411723245426622522193230540919037680524235519125679715870117001058055877651038861847280257976054903569732561526167081339361799541336476559160368317896729073178384589680639671900977202194168647225871031411336429319536193471636533209717077448227988588565369208645296636077250268955505928362751121174096972998068410554359584866583291642136218231078990999448652468262416972035911852507045361090559";

impl FfGroup {
    /// The group named in an election (`"BELENIOS-2048"` or `"RFC-3526-2048"`, spec §5).
    pub fn named(name: &str) -> Result<Self, Error> {
        match name {
            "BELENIOS-2048" => Self::from_decimal(name, BELENIOS_2048_P, BELENIOS_2048_Q, BELENIOS_2048_G),
            "RFC-3526-2048" => {
                let p = parse_decimal(RFC_3526_2048_P)?;
                let q = Integer::from(&p - 1u32) / 2u32;
                Self::new(name.to_owned(), p, q, Integer::from(2))
            }
            other => Err(Error::UnsupportedGroup(other.to_owned())),
        }
    }

    fn from_decimal(name: &str, p: &str, q: &str, g: &str) -> Result<Self, Error> {
        Self::new(name.to_owned(), parse_decimal(p)?, parse_decimal(q)?, parse_decimal(g)?)
    }

    fn new(name: String, p: Integer, q: Integer, g: Integer) -> Result<Self, Error> {
        let safe_prime = Integer::from(&q * 2u32) + 1u32 == p;
        let g_table = build_table(&p, &g, q.significant_bits());
        Ok(FfGroup { inner: Arc::new(FfInner { name, p, q, g, safe_prime, g_table }) })
    }

    /// The modulus `p`.
    pub fn modulus(&self) -> &Integer {
        &self.inner.p
    }
}

/// The `window`-bit digit of a non-negative number that starts at bit `start` (`digits` least significant first).
fn window_digit(digits: &[u64], start: u32, window: u32) -> usize {
    let word = (start / 64) as usize;
    let shift = start % 64;
    let mut digit = digits.get(word).copied().unwrap_or(0) >> shift;
    if shift + window > 64 {
        digit |= digits.get(word + 1).copied().unwrap_or(0) << (64 - shift);
    }
    (digit & ((1u64 << window) - 1)) as usize
}

/// The window of Yao's method for exponents of `bits` bits: each exponent costs about `bits / w` multiplications
/// for its digits and `2^(w+1)` to combine its buckets, and the squarings do not depend on `w`.
fn yao_window(bits: u32) -> u32 {
    (2..=6u32).min_by_key(|&w| bits.div_ceil(w) + (2u32 << w)).unwrap_or(4)
}

/// `a · b mod p`, in place.
fn mul_assign_mod(a: &mut Integer, b: &Integer, p: &Integer) {
    *a *= b;
    *a %= p;
}

fn table_window(exponent_bits: u32) -> u32 {
    if exponent_bits <= 320 { 8 } else { 6 }
}

/// The window of a table for about `uses` exponentiations of `exponent_bits`-bit exponents: the one that minimises
/// building (`rows · 2^w` multiplications) plus using (`uses · rows`), at least the default window and at most 12
/// (a 256-bit exponent then needs 22 rows of 4096 elements, 23 MB for a 2048-bit modulus).
fn table_window_for_uses(exponent_bits: u32, uses: usize) -> u32 {
    let cost = |w: u32| {
        let rows = exponent_bits.div_ceil(w) as usize;
        rows.saturating_mul(1 << w).saturating_add(rows.saturating_mul(uses))
    };
    (table_window(exponent_bits)..=12).min_by_key(|&w| cost(w)).unwrap_or_else(|| table_window(exponent_bits))
}

/// Builds `rows[i][d] = base^(d · 2^(w·i))`: the row bases by squaring, then the rows in parallel.
fn build_table_with_window(p: &Integer, base: &Integer, exponent_bits: u32, window: u32) -> FfTable {
    use rayon::prelude::*;
    let row_count = exponent_bits.div_ceil(window) as usize;
    let size = 1usize << window;
    let mut row_bases = Vec::with_capacity(row_count);
    let mut row_base = Integer::from(base.modulo_ref(p));
    for _ in 0..row_count {
        row_bases.push(row_base.clone());
        for _ in 0..window {
            row_base.square_mut();
            row_base %= p;
        }
    }
    let rows = row_bases
        .par_iter()
        .map(|row_base| {
            let mut row = Vec::with_capacity(size);
            let mut current = Integer::from(1);
            for _ in 0..size {
                row.push(current.clone());
                mul_assign_mod(&mut current, row_base, p);
            }
            row
        })
        .collect();
    FfTable { window, rows }
}

fn build_table(p: &Integer, base: &Integer, exponent_bits: u32) -> FfTable {
    build_table_with_window(p, base, exponent_bits, table_window(exponent_bits))
}

impl Group for FfGroup {
    type Element = Integer;
    type Table = FfTable;
    type Key = Integer;

    fn key(&self, x: &Integer) -> Integer {
        x.clone()
    }

    fn name(&self) -> &str {
        &self.inner.name
    }

    fn order(&self) -> &Integer {
        &self.inner.q
    }

    fn generator(&self) -> &Integer {
        &self.inner.g
    }

    fn identity(&self) -> Integer {
        Integer::from(1)
    }

    fn mul(&self, a: &Integer, b: &Integer) -> Integer {
        let mut product = Integer::from(a * b);
        product %= &self.inner.p;
        product
    }

    fn invert(&self, a: &Integer) -> Integer {
        // Elements are decoded in 1..p, so they are invertible; 0 would map to 0 and fail the proofs.
        a.invert_ref(&self.inner.p).map(Integer::from).unwrap_or_default()
    }

    fn vartime_pow(&self, base: &Integer, exponent: &Integer) -> Integer {
        base.pow_mod_ref(exponent, &self.inner.p).map(Integer::from).unwrap_or_default()
    }

    fn secret_pow(&self, base: &Integer, exponent: &SecretScalar) -> Integer {
        let e = exponent.expose();
        if *e <= 0 {
            // mpz_powm_sec requires a positive exponent; 0 is the only secret value that can reach here.
            return Integer::from(1);
        }
        Integer::from(base.secure_pow_mod_ref(e, &self.inner.p))
    }

    fn table(&self, base: &Integer) -> FfTable {
        build_table(&self.inner.p, base, self.inner.q.significant_bits())
    }

    fn table_for_uses(&self, base: &Integer, uses: usize) -> FfTable {
        let bits = self.inner.q.significant_bits();
        build_table_with_window(&self.inner.p, base, bits, table_window_for_uses(bits, uses))
    }

    fn vartime_table_pow(&self, table: &FfTable, exponent: &Integer) -> Integer {
        let reduced;
        let exponent =
            if *exponent < 0 || exponent.significant_bits() as usize > table.rows.len() * table.window as usize {
                reduced = Integer::from(exponent.modulo_ref(&self.inner.q));
                &reduced
            } else {
                exponent
            };
        let digits = exponent.to_digits::<u64>(Order::Lsf);
        let bits = exponent.significant_bits();
        let mut result: Option<Integer> = None;
        for (row, start) in table.rows.iter().zip((0..bits).step_by(table.window as usize)) {
            let digit = window_digit(&digits, start, table.window);
            if let Some(entry) = row.get(digit).filter(|_| digit != 0) {
                match &mut result {
                    Some(r) => mul_assign_mod(r, entry, &self.inner.p),
                    None => result = Some(entry.clone()),
                }
            }
        }
        result.unwrap_or_else(|| Integer::from(1))
    }

    /// Yao's method: `x_i = base^(2^(w·i))` once, then for each exponent the buckets `B_d = Π_{digit_i = d} x_i`
    /// and `Π_d B_d^d`, computed as the product of the running products `Π_{d' ≥ d} B_{d'}` for `d = 2^w − 1 … 1`.
    fn vartime_pow_many(&self, base: &Integer, exponents: &[&Integer]) -> Vec<Integer> {
        let p = &self.inner.p;
        if exponents.len() < 2 || exponents.iter().any(|e| **e < 0) {
            return exponents.iter().map(|e| self.vartime_pow(base, e)).collect();
        }
        let bits = exponents.iter().map(|e| e.significant_bits()).max().unwrap_or(0);
        let window = yao_window(bits);
        let rows = bits.div_ceil(window) as usize;
        let mut powers: Vec<Integer> = Vec::with_capacity(rows);
        let mut current = Integer::from(base.modulo_ref(p));
        for row in 0..rows {
            if row > 0 {
                for _ in 0..window {
                    current.square_mut();
                    current %= p;
                }
            }
            powers.push(current.clone());
        }
        let mut buckets: Vec<Option<Integer>> = vec![None; 1 << window];
        exponents
            .iter()
            .map(|exponent| {
                let digits = exponent.to_digits::<u64>(Order::Lsf);
                for (row, power) in powers.iter().enumerate() {
                    let digit = window_digit(&digits, row as u32 * window, window);
                    match buckets.get_mut(digit) {
                        Some(Some(bucket)) if digit != 0 => mul_assign_mod(bucket, power, p),
                        Some(slot @ None) if digit != 0 => *slot = Some(power.clone()),
                        _ => {}
                    }
                }
                let mut running: Option<Integer> = None;
                let mut total: Option<Integer> = None;
                for bucket in buckets.iter_mut().skip(1).rev() {
                    if let Some(b) = bucket.take() {
                        match &mut running {
                            Some(r) => mul_assign_mod(r, &b, p),
                            None => running = Some(b),
                        }
                    }
                    if let Some(r) = &running {
                        match &mut total {
                            Some(t) => mul_assign_mod(t, r, p),
                            None => total = Some(r.clone()),
                        }
                    }
                }
                total.unwrap_or_else(|| Integer::from(1))
            })
            .collect()
    }

    /// For a safe prime the Jacobi symbol decides membership; otherwise `x^q` joins the exponents and must be 1.
    fn vartime_member_pow_many(&self, base: &Integer, exponents: &[&Integer]) -> Option<Vec<Integer>> {
        if *base <= 0 || *base >= self.inner.p {
            return None;
        }
        if self.inner.safe_prime {
            return (base.jacobi(&self.inner.p) == 1).then(|| self.vartime_pow_many(base, exponents));
        }
        let mut all: Vec<&Integer> = exponents.to_vec();
        all.push(&self.inner.q);
        let mut powers = self.vartime_pow_many(base, &all);
        (powers.pop()? == 1).then_some(powers)
    }

    fn generator_table(&self) -> &FfTable {
        &self.inner.g_table
    }

    fn vartime_is_member(&self, x: &Integer) -> bool {
        // Spec §4 (`G.check`): 0 < x < p and x^q = 1. For a safe prime p = 2q + 1 the subgroup of order q is exactly
        // the set of quadratic residues, so the Jacobi symbol decides membership without an exponentiation.
        if *x <= 0 || *x >= self.inner.p {
            return false;
        }
        if self.inner.safe_prime {
            return x.jacobi(&self.inner.p) == 1;
        }
        self.vartime_pow(x, &self.inner.q) == 1
    }

    fn embedding(&self) -> Option<Embedding> {
        // Spec 3.0 §5.1.2: RFC-3526-2048 embeds with κ = 8 and 8 bits of padding; BELENIOS-2048 has no embedding.
        (self.inner.name == "RFC-3526-2048").then_some(Embedding {
            bits_per_int: 8,
            padding: 8,
            capacity: self.inner.p.significant_bits() - 1,
        })
    }

    fn of_ints(&self, values: &[u32]) -> Result<Integer, Error> {
        let embedding = self.embedding().ok_or_else(|| {
            Error::Usage(format!("the group {} has no embedding for non-homomorphic answers", self.inner.name))
        })?;
        embedding.check(values)?;
        let mut x = embedding.encode(values);
        // Half of all residues are squares: the search ends after two steps on average.
        while !self.vartime_is_member(&x) {
            x += 1u32;
        }
        Ok(x)
    }

    fn to_ints(&self, x: &Integer, n: usize) -> Vec<u32> {
        self.embedding().map(|e| e.decode(x, n)).unwrap_or_default()
    }

    fn belenios_order(&self, a: &Integer, b: &Integer) -> std::cmp::Ordering {
        a.cmp(b)
    }

    fn independent_generator(&self, i: i64) -> Option<Integer> {
        let digest = Sha256::digest(format!("ggen|{i}").as_bytes());
        let x = Integer::from_digits(digest.as_slice(), Order::Msf);
        let cofactor = Integer::from(&self.inner.p - 1u32) / &self.inner.q;
        let h = Integer::from(x.pow_mod_ref(&cofactor, &self.inner.p)?);
        (h != 0 && h != 1 && h != self.inner.g).then_some(h)
    }

    fn encode(&self, x: &Integer) -> String {
        x.to_string_radix(10)
    }

    fn decode(&self, text: &str) -> Result<Integer, Error> {
        let x = parse_decimal(text)?;
        if x <= 0 || x >= self.inner.p {
            return Err(Error::Encoding(format!("group element out of range: {:.40}", text)));
        }
        Ok(x)
    }
}

/// SHA-256 of a string, read as a 256-bit big-endian number and reduced modulo q (spec §4.5, §4.12–§4.18).
pub fn hash_to_scalar(input: &str, q: &Integer) -> Integer {
    let digest = Sha256::digest(input.as_bytes());
    let mut z = Integer::from_digits(digest.as_slice(), Order::Msf);
    z %= q;
    z
}

/// Belenios' `G.hash prefix xs`: SHA-256 of `prefix` followed by the elements in decimal separated by commas,
/// as a number modulo q.
pub fn hash_elements<G: Group>(group: &G, prefix: &str, elements: &[G::Element]) -> Integer {
    let refs: Vec<&G::Element> = elements.iter().collect();
    hash_encoded(group, prefix, &group.encode_many(&refs))
}

/// [`hash_elements`] on elements already written ([`Group::encode_many`]).
pub fn hash_encoded<G: Group>(group: &G, prefix: &str, encoded: &[String]) -> Integer {
    let mut input = String::with_capacity(prefix.len() + encoded.iter().map(|e| e.len() + 1).sum::<usize>());
    input.push_str(prefix);
    for (i, encoded) in encoded.iter().enumerate() {
        if i > 0 {
            input.push(',');
        }
        input.push_str(encoded);
    }
    hash_to_scalar(&input, group.order())
}
