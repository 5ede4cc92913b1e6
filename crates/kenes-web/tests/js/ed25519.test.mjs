// The Ed25519 group of src/election/ed25519.js: known answers, canonical decoding, the embedding, the independent
// generators, and a trustee key made by belenios-tool 3.0 checked in JavaScript.
//
// Run with `node --test crates/kenes-web/tests/js/`. belenios-tool 3.0 is $KENES_BELENIOS_TOOL3, else
// target/belenios3/belenios-tool (which `cargo xtask setup` installs); the test needing it is skipped without it.
//
// Where the known answers come from. Unless a case says otherwise, they were computed with an independent Python
// program written from the definitions, not from this module: affine twisted Edwards addition and double-and-add
// (RFC 8032 §5.1), decompression by RFC 8032 §5.1.3, the encoding y | (x & 1) << 255 in 64 hex digits (spec 3.0
// §5.2.1), of_ints as ed25519.rs `of_ints` describes it (z = values·2^14 + ε, the first ε whose point exists with x
// even and has [q]P = O) and get_generator as ed25519.rs `independent_generator` does (SHA256("ggen|" i) >> 2, the
// first point at y = z + ε with x even, times 8). The program is short enough to redo: the cases name its results.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { mod, randomZq } from '../../src/election/core.js';
import { ED25519 as group, G, IDENTITY, P, Q } from '../../src/election/ed25519.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const beleniosTool3 = process.env.KENES_BELENIOS_TOOL3 ?? join(root, 'target/belenios3/belenios-tool');

const hex64 = (x) => x.toString(16).padStart(64, '0');

describe('known answers', () => {
  test('g encodes as 6666…6658 (RFC 8032 base point, bytes reversed; docs/belenios3/notes.md §1.3)', () => {
    assert.equal(group.encode(G), '6666666666666666666666666666666666666666666666666666666666666658');
    assert.equal(group.encode(group.g), group.encode(group.gPow(1n)));
  });

  test('the identity encodes as 000…001 and g^q is the identity', () => {
    assert.equal(group.encode(IDENTITY), hex64(1n));
    assert.ok(group.equals(group.gPow(Q), IDENTITY));
    assert.ok(group.equals(group.mul(group.pow(G, Q - 1n), G), IDENTITY));
    assert.ok(group.isMember(G));
  });

  // g^x by the Python program; q − 1 gives −g, whose x is odd: the sign bit set on g's encoding.
  const powers = [
    [1n, '6666666666666666666666666666666666666666666666666666666666666658'],
    [2n, '2260cdf3092329c21da25ee8c9a21f5697390f51643851560e5f46ae6af8a3c9'],
    [3n, '1267b1d177ee69aba126a18e60269ef79f16ec176724030402c3684878f5b4d4'],
    [12345n, '81a029d7e4af3e1cfa2eef95c74fdd399c9ac8d3cefa9c87ad339747f8624fef'],
    [Q - 1n, 'e666666666666666666666666666666666666666666666666666666666666658'],
    [2n ** 200n + 17n, '3f9699d1fa72c067e06542c90398de0d21aa80865689c005a7b87c3d1207b180'],
  ];
  for (const [x, expected] of powers) {
    test(`g^${x}`, () => {
      assert.equal(group.encode(group.gPow(x)), expected);
      assert.equal(group.encode(group.pow(G, x)), expected);
    });
  }

  test('public keys of Node/OpenSSL Ed25519 keys: [clamp(SHA-512(seed)[0..32])]·B, bytes reversed', () => {
    for (let i = 0; i < 8; i++) {
      const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
      const seed = Buffer.from(jwk.d, 'base64url');
      const digest = createHash('sha512').update(seed).digest().subarray(0, 32);
      digest[0] &= 248;
      digest[31] &= 127;
      digest[31] |= 64;
      const scalar = BigInt(`0x${Buffer.from(digest).reverse().toString('hex')}`);
      const expected = Buffer.from(jwk.x, 'base64url').reverse().toString('hex');
      assert.equal(group.encode(group.gPow(scalar)), expected);
      assert.equal(group.encode(group.pow(G, scalar)), expected);
    }
  });

  // get_generator by the Python program (the mixnet's h is i = −1, its g_i are i = 0, 1, …).
  const generators = [
    [-1, 'd6f7c1ea42e2474a28baea1141185bb7b39fe58011e5fc31d093b5c9345f18c7'],
    [0, 'c95c81b40c41366b2e62e68fec3c5fa4dbb93f0c3c242ac2fe7a07c0e0fd92fe'],
    [1, '8278c9f7f36153e64f1e858bf1bfbf7f3a42f2f9589a4010c192a5d11c89746c'],
    [2, 'bcca925cb3e87758dd8c325e78ab8acf08aba5fbdf64efe70c7aabda335de064'],
    [3, '45b468cbdc723610bbc0dc67b8671cb3a308f0da92b109855a1dc02f9f3668ae'],
  ];
  for (const [i, expected] of generators) {
    test(`getGenerator(${i})`, async () => {
      const h = await group.getGenerator(i);
      assert.equal(group.encode(h), expected);
      assert.ok(group.isMember(h));
    });
  }
});

describe('group operations', () => {
  test('encode and decode round trip, and agree with the operations', () => {
    for (let i = 0; i < 20; i++) {
      const x = randomZq(Q);
      const y = randomZq(Q);
      const X = group.gPow(x);
      const text = group.encode(X);
      assert.match(text, /^[0-9a-f]{64}$/);
      const decoded = group.decode(text);
      assert.ok(group.equals(decoded, X));
      assert.equal(group.encode(decoded), text);
      // (g^x)^y = g^(x·y), g^x · g^y = g^(x+y), (g^x)^−1 = g^(−x), and a table for X gives X^y.
      assert.ok(group.equals(group.pow(decoded, y), group.gPow(x * y)));
      assert.ok(group.equals(group.mul(X, group.gPow(y)), group.gPow(x + y)));
      assert.ok(group.equals(group.invert(X), group.gPow(-x)));
      assert.ok(group.equals(group.mul(X, group.invert(X)), IDENTITY));
      assert.ok(!group.equals(X, group.gPow(x + 1n)));
      if (i < 2) assert.ok(group.equals(group.fixedBase(X)(y), group.pow(X, y)));
    }
  });

  test('scalars are reduced modulo q, negative ones included', () => {
    const x = randomZq(Q);
    assert.ok(group.equals(group.pow(G, x + Q), group.gPow(x)));
    assert.ok(group.equals(group.gPow(x - Q), group.gPow(x)));
    assert.ok(group.equals(group.pow(G, -1n), group.invert(G)));
    assert.ok(group.equals(group.pow(G, 0n), IDENTITY));
  });

  test('the identity decodes: kenes and belenios-tool take it as a member ([q]O = O)', () => {
    assert.ok(group.equals(group.decode(hex64(1n)), IDENTITY));
  });
});

describe('decoding refuses what kenes refuses', () => {
  const gText = '6666666666666666666666666666666666666666666666666666666666666658';
  const g12345 = '81a029d7e4af3e1cfa2eef95c74fdd399c9ac8d3cefa9c87ad339747f8624fef';
  const t8 = '7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7';
  // Each case: the text, and the reason the error must give. The torsion points are the Python program's:
  // T2 = (0, −1), T8 = [q]·R for a curve point R with order 8, and g + T2, g + T8 by affine addition.
  const refused = [
    ['upper case (g^12345)', g12345.toUpperCase(), /64 lower-case hex digits/],
    ['63 digits', gText.slice(1), /64 lower-case hex digits/],
    ['65 digits', `0${gText}`, /64 lower-case hex digits/],
    ['a 0x prefix', `0x${gText.slice(2)}`, /64 lower-case hex digits/],
    ['a space', ` ${gText.slice(1)}`, /64 lower-case hex digits/],
    ['y = p (a point of order 4 once reduced)', hex64(P), /y ≥ p/],
    ['y = p + 1 (the identity, not canonical)', hex64(P + 1n), /y ≥ p/],
    ['y = 2^255 − 1 with the sign bit', 'f'.repeat(64), /y ≥ p/],
    ['y = 2, on no point', hex64(2n), /not on the curve/],
    ['y = 2 with the sign bit', hex64(2n | (1n << 255n)), /not on the curve/],
    ['negative zero: the identity with the sign bit', hex64(1n | (1n << 255n)), /negative zero/],
    ['negative zero: T2 = (0, −1) with the sign bit', hex64(P - 1n + (1n << 255n)), /negative zero/],
    ['T2 = (0, −1), of order 2', '7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec', /torsion/],
    ['(√−1, 0), of order 4', hex64(0n), /torsion/],
    ['(−√−1, 0), of order 4', hex64(1n << 255n), /torsion/],
    ['T8, of order 8', t8, /torsion/],
    ['g + T2', '9999999999999999999999999999999999999999999999999999999999999995', /torsion/],
    ['g + T8', '19781bd860b93c90ecf04a5a9b638ba2c59c3ed25c1bb53352995bf3ad9e5198', /torsion/],
  ];
  for (const [name, text, reason] of refused) {
    test(name, () => {
      assert.throws(() => group.decode(text), reason);
    });
  }

  test('not a string', () => {
    assert.throws(() => group.decode(BigInt(`0x${gText}`)), /64 lower-case hex digits/);
    assert.throws(() => group.decode(undefined), /64 lower-case hex digits/);
  });

  test('decodePoint takes curve points with a torsion component; decode and isMember do not', () => {
    const point = group.decodePoint('19781bd860b93c90ecf04a5a9b638ba2c59c3ed25c1bb53352995bf3ad9e5198');
    assert.ok(!group.isMember(point));
    assert.ok(group.equals(point, group.mul(G, group.decodePoint(t8))));
  });
});

describe('of_ints and to_ints', () => {
  // The Python program's points, with the ε it found: [] and [0] give z = 1, the identity.
  const embedded = [
    [[], '0000000000000000000000000000000000000000000000000000000000000001'],
    [[0], '0000000000000000000000000000000000000000000000000000000000000001'],
    [[1, 2, 3], '000000000000000000000000000000000000000000000000000000004080c009'],
    [[7, 0, 0, 255], '000000000000000000000000000000000000000000000000000001c0003fc00b'],
    [Array(30).fill(255), '3fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc00c'],
    [
      Array.from({ length: 30 }, (_, i) => i + 1),
      '004080c1014181c2024282c3034383c4044484c5054585c6064686c707478024',
    ],
  ];
  for (const [values, expected] of embedded) {
    test(`ofInts of ${values.length} values: ${values.slice(0, 4).join(',')}${values.length > 4 ? ',…' : ''}`, () => {
      const point = group.ofInts(values);
      assert.equal(group.encode(point), expected);
      assert.deepEqual(group.toInts(point, values.length), values);
    });
  }

  test('round trip for 1 to 30 random values, through the JSON form', () => {
    for (let n = 1; n <= 30; n++) {
      const values = Array.from({ length: n }, () => Math.floor(Math.random() * 256));
      const point = group.ofInts(values);
      assert.ok(group.isMember(point));
      assert.deepEqual(group.toInts(group.decode(group.encode(point)), n), values, `n = ${n}`);
    }
  });

  test('refuses more than 30 values, and values outside 0..255', () => {
    assert.throws(() => group.ofInts(Array(31).fill(0)), /at most 30/);
    for (const bad of [256, -1, 1.5, '1', 1n]) {
      assert.throws(() => group.ofInts([1, bad]), /not an integer in 0\.\.255/, String(bad));
    }
  });
});

/** Runs belenios-tool 3.0 in dir; returns {status, stdout, stderr}. */
function tool3(dir, args) {
  const env = { ...process.env, BELENIOS_USE_URANDOM: '1' };
  return spawnSync(beleniosTool3, args, { cwd: dir, encoding: 'utf8', env });
}

/** A trustee_public_key (spec 3.0 §4.5) made here: X = g^x with a Schnorr proof, its response spoiled if asked. */
async function trusteePublicKey({ spoil = false } = {}) {
  const x = randomZq(Q);
  const w = randomZq(Q);
  const X = group.gPow(x);
  const challenge = await group.hash(`pok|${group.name}|${group.encode(X)}|`, [group.gPow(w)]);
  const response = mod(w - x * challenge + (spoil ? 1n : 0n), Q);
  return JSON.stringify({
    pok: { challenge: challenge.toString(), response: response.toString() },
    public_key: group.encode(X),
  });
}

describe('belenios-tool 3.0', { skip: existsSync(beleniosTool3) ? false : `no ${beleniosTool3}` }, () => {
  test('its trustee key decodes, is g^privkey, and its proof of knowledge verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-ed25519-'));
    try {
      const out = tool3(dir, ['setup', 'generate-trustee-key', '--group', 'Ed25519']);
      assert.equal(out.status, 0, out.stderr);
      const file = (extension) => readdirSync(dir).find((name) => name.endsWith(extension));
      // ID.pubkey: {"pok":{"challenge":Zq,"response":Zq},"public_key":G}; ID.privkey: "x" (spec 3.0 §4.5).
      const pubkey = JSON.parse(readFileSync(join(dir, file('.pubkey')), 'utf8'));
      const privkey = BigInt(JSON.parse(readFileSync(join(dir, file('.privkey')), 'utf8')));
      const X = group.decode(pubkey.public_key);
      assert.ok(group.isMember(X));
      assert.equal(group.encode(group.gPow(privkey)), pubkey.public_key);
      // Schnorr (proofs.rs `vartime_schnorr_verify`, `pok_prefix`): A = g^response · X^challenge and
      // challenge = SHA256("pok|Ed25519|" X "|" A) mod q.
      const challenge = BigInt(pubkey.pok.challenge);
      const commitment = group.mul(group.gPow(BigInt(pubkey.pok.response)), group.pow(X, challenge));
      const prefix = `pok|${group.name}|${group.encode(X)}|`;
      assert.equal(await group.hash(prefix, [commitment]), challenge);
      assert.notEqual(await group.hash(prefix, [group.mul(commitment, G)]), challenge);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The other way round: a key made here becomes an election's only trustee; `election verify` checks its pok
  // (docs/belenios3/notes.md §1.5: the tool checks trustee keys only there), and must refuse a spoiled one.
  for (const spoil of [false, true]) {
    const title = `an election whose trustee key was made here ${spoil ? 'with a spoiled proof fails' : 'passes'} verify`;
    test(title, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kenes-ed25519-'));
      try {
        const setup = (args) => {
          const out = tool3(dir, args);
          assert.equal(out.status, 0, `belenios-tool ${args.join(' ')}: ${out.stderr}`);
          return out.stdout;
        };
        const uuid = setup(['setup', 'generate-token']).trim();
        setup(['setup', 'generate-credentials', '--uuid', uuid, '--group', 'Ed25519', '--count', '1']);
        const pubcreds = readdirSync(dir).find((file) => file.endsWith('.pubcreds'));
        renameSync(join(dir, pubcreds), join(dir, 'public_creds.json'));
        writeFileSync(join(dir, 'public_keys.jsons'), `${await trusteePublicKey({ spoil })}\n`);
        setup(['setup', 'make-trustees']);
        const question = { answers: ['A', 'B'], min: 0, max: 2, question: 'Q?' };
        const template = { description: 'd', name: 'n', questions: [question] };
        writeFileSync(join(dir, 'template.json'), JSON.stringify(template));
        setup(['setup', 'make-election', '--uuid', uuid, '--group', 'Ed25519', '--template', 'template.json']);
        setup(['archive', 'init']);
        for (const name of ['election.json', 'trustees.json', 'public_creds.json']) rmSync(join(dir, name));
        const verify = tool3(dir, ['election', 'verify']);
        if (spoil) {
          assert.notEqual(verify.status, 0, 'belenios-tool verified a spoiled proof of knowledge');
        } else {
          assert.equal(verify.status, 0, verify.stderr);
          assert.match(verify.stderr + verify.stdout, /all checks passed/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
