#!/usr/bin/env python3
"""Independent re-computation of Belenios 3.0 Ed25519 values (pure Python, no deps).
Usage: belenios3_check.py ELECTION_DIR  (a dir produced by belenios3-ed25519-election.sh)"""
import hashlib, json, sys, base64, os, glob

p = 2**255 - 19
q = 2**252 + 27742317777372353535851937790883648493
d = (-121665 * pow(121666, -1, p)) % p

def inv(x): return pow(x, p - 2, p)
def add(P, Q):
    (x1, y1), (x2, y2) = P, Q
    t = d * x1 * x2 * y1 * y2 % p
    return ((x1 * y2 + x2 * y1) * inv(1 + t) % p, (y1 * y2 + x1 * x2) * inv(1 - t) % p)
def mul(P, n):
    R = (0, 1)
    while n:
        if n & 1: R = add(R, P)
        P = add(P, P); n >>= 1
    return R
def compress(P):                      # the 256-bit integer z of spec 5.2.1
    x, y = P
    return y | ((x & 1) << 255)
def to_belenios(P):                   # 64 hex digits, big-endian z
    return "%064x" % compress(P)
def to_rfc8032(P):                    # RFC 8032 bytes = z little-endian
    return compress(P).to_bytes(32, "little").hex()
def uncompress(z):
    y = (z & (2**255 - 1)) % p
    x2 = (y * y - 1) * inv(d * y * y + 1) % p
    x = pow(x2, (p + 3) // 8, p)
    if (x * x - x2) % p: x = x * pow(2, (p - 1) // 4, p) % p
    if (x * x - x2) % p: return None
    if (x & 1) != (z >> 255): x = (-x) % p
    return (x, y)
def of_belenios(s):
    assert len(s) == 64
    return uncompress(int(s, 16))
def in_subgroup(P): return mul(P, q) == (0, 1)
def hash_zq(s): return int(hashlib.sha256(s.encode()).hexdigest(), 16) % q

gy = 4 * inv(5) % p
g = uncompress(gy)            # sign bit 0 -> even x
print("g (belenios) =", to_belenios(g))
print("g (RFC 8032) =", to_rfc8032(g))
print("g x =", g[0]); print("g y =", g[1])

if len(sys.argv) < 2: sys.exit()
D = sys.argv[1]
# trustee key: public_key = g^x and pok
priv = int(json.load(open(glob.glob(D + "/*.privkey")[0])))
pub = json.load(open(glob.glob(D + "/*.pubkey")[0]))
print("trustee pub recomputed ok:", to_belenios(mul(g, priv)) == pub["public_key"])
X = of_belenios(pub["public_key"]); c = int(pub["pok"]["challenge"]); r = int(pub["pok"]["response"])
A = add(mul(g, r), mul(X, c))
print("pok ok:", hash_zq("pok|Ed25519|%s|%s" % (pub["public_key"], to_belenios(A))) == c)
# credentials: x = (sha256hex(derive_credential|uuid|0|c) ++ sha256hex(...|1|c)) mod q
el = json.load(open(D + "/setup-copy/election.json"))
uuid = el["uuid"]
privs = json.load(open(D + "/private_creds.json"))
pubs = [s.split(",")[0] for s in json.load(open(D + "/setup-copy/public_creds.json"))]
for login, cred in privs.items():
    h = "".join(hashlib.sha256(("derive_credential|%s|%d|%s" % (uuid, i, cred)).encode()).hexdigest() for i in (0, 1))
    x = int(h, 16) % q
    print("cred", login, cred, "->", to_belenios(mul(g, x)), to_belenios(mul(g, x)) in pubs)
# fingerprint phi = base64(sha256(election.json bytes)) without padding
raw = open(D + "/setup-copy/election.json", "rb").read().rstrip(b"\n")
phi = base64.b64encode(hashlib.sha256(raw).digest()).decode().rstrip("=")
print("phi =", phi)
# ballot signature + individual proof check for alice's ballot
b = json.load(open(D + "/ballot-alice.json"))
print("election_hash == phi:", b["election_hash"] == phi)
y = of_belenios(el["public_key"])
cred = of_belenios(b["credential"])
sig = b["signature"]; c = int(sig["proof"]["challenge"]); r = int(sig["proof"]["response"])
A = add(mul(g, r), mul(cred, c))
print("signature ok:", hash_zq("sig|%s|%s" % (sig["hash"], to_belenios(A))) == c)
S0 = phi + "|" + b["credential"]
ans = b["answers"][0]
def neg(P): return ((-P[0]) % p, P[1])
ok = True
for ct, proofs in zip(ans["choices"], ans["individual_proofs"]):
    al, be = of_belenios(ct["alpha"]), of_belenios(ct["beta"])
    comm = []; tot = 0
    for j, pr in enumerate(proofs):       # M_j = j, j in {0,1}
        c, r = int(pr["challenge"]), int(pr["response"])
        Aj = add(mul(g, r), mul(al, c))
        Bj = add(mul(y, r), mul(add(be, neg(mul(g, j))) if j else be, c))
        comm += [to_belenios(Aj), to_belenios(Bj)]; tot += c
    s = "prove|%s|%s,%s|%s" % (S0, ct["alpha"], ct["beta"], ",".join(comm))
    ok &= hash_zq(s) == tot % q
print("individual proofs ok:", ok)
# overall proof (homomorphic, no blank): iprove(S, R, M-min, min..max), S = S0|a1,b1,a2,b2,...
q0 = el["questions"][0]
S = S0 + "|" + ",".join("%s,%s" % (ct["alpha"], ct["beta"]) for ct in ans["choices"])
al = be = (0, 1)
for ct in ans["choices"]:
    al = add(al, of_belenios(ct["alpha"])); be = add(be, of_belenios(ct["beta"]))
comm = []; tot = 0
for j, pr in enumerate(ans["overall_proof"]):
    M = q0["min"] + j
    c, r = int(pr["challenge"]), int(pr["response"])
    comm += [to_belenios(add(mul(g, r), mul(al, c))),
             to_belenios(add(mul(y, r), mul(add(be, neg(mul(g, M))), c)))]
    tot += c
print("overall proof ok:", hash_zq("prove|%s|%s,%s|%s" % (S, to_belenios(al), to_belenios(be), ",".join(comm))) == tot % q)
# decryption proofs: H = SHA256(decrypt|phi|X|A,B)
pd = json.loads(open(D + "/partial_decryption.json").readline())  # line 1 = partial_decryption, line 2 = owned wrapper
import tarfile
tf = tarfile.open(glob.glob(D + "/*.bel")[0])
et = None
for m in tf.getmembers():
    if m.name.endswith(".data.json"):
        j = json.loads(tf.extractfile(m).read())
        if isinstance(j, dict) and "encrypted_tally" in j and "num_tallied" in j:
            h = j["encrypted_tally"]
            et = json.loads(tf.extractfile(h + ".data.json").read())
ok = True
for qi, row in enumerate(et):
    for k, ct in enumerate(row):
        f = pd["decryption_factors"][qi][k]; pr = pd["decryption_proofs"][qi][k]
        c, r = int(pr["challenge"]), int(pr["response"])
        A = add(mul(g, r), mul(X, c))
        B = add(mul(of_belenios(ct["alpha"]), r), mul(of_belenios(f), c))
        ok &= hash_zq("decrypt|%s|%s|%s,%s" % (phi, pub["public_key"], to_belenios(A), to_belenios(B))) == c
print("decryption proofs ok:", ok)
