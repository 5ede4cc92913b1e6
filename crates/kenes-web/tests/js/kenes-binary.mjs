// Where the Node tests find the kenes binary: $KENES_BIN if set, else target/debug/kenes, else target/release/kenes.
// `noKenes` is false when it is there, else the reason a test that needs it is skipped.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const candidates = process.env.KENES_BIN
  ? [process.env.KENES_BIN]
  : [join(root, 'target/debug/kenes'), join(root, 'target/release/kenes')];

export const kenes = candidates.find((path) => existsSync(path));
export const noKenes = kenes ? false : `no kenes binary at ${candidates.join(' or ')}: build it or set KENES_BIN`;
