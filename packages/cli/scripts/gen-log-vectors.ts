// Writes docs/ssj-log-v1-vectors.json. The RFC 6962 part is copied from transparency-dev/merkle
// (testonly/constants.go and proof/verify_test.go) and only checked here, never computed; the
// ssj-log/1 part is computed by core from fixed inputs and a fixed test key.
// Run: npx tsx packages/cli/scripts/gen-log-vectors.ts
import { createPrivateKey, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  entryLeafHash,
  entryText,
  LOG_SPEC,
  toHex,
  treeHeadSignedText,
  treeRoot,
  inclusionProof,
  consistencyProof,
  type LogEntry,
} from '@openssj/core';

const rfc6962 = {
  source:
    'transparency-dev/merkle testonly/constants.go (LeafInputs, RootHashes) and proof/verify_test.go (inclusionProofs, consistencyProofs); RFC 6962 / RFC 9162 SHA-256 hashing',
  leaves: [
    '',
    '00',
    '10',
    '2021',
    '3031',
    '40414243',
    '5051525354555657',
    '606162636465666768696a6b6c6d6e6f',
  ],
  emptyRoot: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  roots: [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ],
  // leafIndex is 0-based here (the Go table is 1-based: {1, 8} is leaf 0).
  inclusion: [
    {
      leafIndex: 0,
      treeSize: 8,
      path: [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    },
    {
      leafIndex: 5,
      treeSize: 8,
      path: [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    },
    { leafIndex: 2, treeSize: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
    {
      leafIndex: 1,
      treeSize: 5,
      path: [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    },
  ],
  consistency: [
    { first: 1, second: 1, proof: [] },
    {
      first: 1,
      second: 8,
      proof: [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    },
    {
      first: 6,
      second: 8,
      proof: [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    },
    {
      first: 2,
      second: 5,
      proof: [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    },
    {
      first: 6,
      second: 7,
      proof: [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    },
  ],
};

const at = '2026-11-20T10:00:00.000+08:00';
const commitment = 'a'.repeat(64);
const entries: LogEntry[] = [
  {
    log: LOG_SPEC,
    kind: 'plan',
    at,
    planId: 'PLAN-2027-500112-SCJG',
    departmentCode: '500112-SCJG',
    year: 2027,
  },
  {
    log: LOG_SPEC,
    kind: 'commitment',
    at,
    drawId: 'DRAW-1',
    taskId: 'TASK-1',
    commitment,
    supersedes: null,
    commitmentObject: {
      spec: 'ssj-draw/1',
      drawId: 'DRAW-1',
      taskId: 'TASK-1',
      strata: [
        {
          name: 'all',
          ratio: '0.5',
          min: 0,
          max: null,
          frameSize: 2,
          frameDigest: 'b'.repeat(64),
          sampleSize: 1,
        },
      ],
      quota: { '500112-SCJG': 2 },
      jurisdictionRule: false,
      poolDigest: 'c'.repeat(64),
      pairExclusionsDigest: 'd'.repeat(64),
      seedSource: 'dice',
      seedPlan: '现场公开掷骰 / public dice',
      committedAt: at,
    },
  },
  {
    log: LOG_SPEC,
    kind: 'abandon',
    at,
    drawId: 'DRAW-1',
    taskId: 'TASK-1',
    commitment,
    reason: '冻结名单有误 / wrong frame',
  },
  {
    log: LOG_SPEC,
    kind: 'seed',
    at,
    drawId: 'DRAW-2',
    taskId: 'TASK-1',
    commitment: 'e'.repeat(64),
    seed: '01382438112797316654',
  },
  {
    log: LOG_SPEC,
    kind: 'draw',
    at,
    drawId: 'DRAW-2',
    taskId: 'TASK-1',
    commitment: 'e'.repeat(64),
    recordDigest: 'f'.repeat(64),
    selected: 1,
    supersedes: 'DRAW-1',
  },
  { log: LOG_SPEC, kind: 'result', at, taskId: 'TASK-1', inspections: ['INS-1'] },
  {
    log: LOG_SPEC,
    kind: 'checkpoint',
    at,
    fromSeq: 1,
    seq: 2,
    hash: '2'.repeat(64),
    rowHashes: ['1'.repeat(64), '2'.repeat(64)],
  },
];
const leaves = entries.map((e) => entryLeafHash(e));

// A fixed Ed25519 test key (RFC 8032 §7.1 TEST 1 secret key), for the signature vector only.
const seedHex = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const pkcs8 = Buffer.concat([
  Buffer.from('302e020100300506032b657004220420', 'hex'),
  Buffer.from(seedHex, 'hex'),
]);
const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
const publicKeyHex = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const keyId = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', Buffer.from(publicKeyHex, 'hex'))));
const head = {
  log: LOG_SPEC,
  treeSize: entries.length,
  timestamp: 1795140000000,
  rootHash: toHex(treeRoot(leaves)),
  keyId,
} as const;
const signedText = treeHeadSignedText(head);
const signature = sign(null, Buffer.from(signedText, 'utf8'), key).toString('base64');

const out = {
  spec: LOG_SPEC,
  rfc6962,
  ssjLog: {
    about:
      'ssj-log/1 entries of every kind, their JCS texts and leaf hashes, the tree over them, proofs, and a signed tree head',
    entries: entries.map((e, i) => ({
      entry: e,
      jcs: entryText(e),
      leafHash: toHex(leaves[i] ?? new Uint8Array()),
    })),
    rootHash: head.rootHash,
    inclusion: { leafIndex: 3, treeSize: entries.length, path: inclusionProof(leaves, 3).map(toHex) },
    consistency: {
      first: 3,
      second: entries.length,
      proof: consistencyProof(leaves, 3).map(toHex),
      firstRoot: toHex(treeRoot(leaves.slice(0, 3))),
    },
    signingKey: {
      about: 'RFC 8032 §7.1 TEST 1 key; a test key only, never a log key',
      privateSeed: seedHex,
      publicKey: Buffer.from(publicKeyHex, 'hex').toString('base64'),
      keyId,
    },
    treeHead: { ...head, signature },
    signedText,
  },
};
writeFileSync(
  new URL('../../../docs/ssj-log-v1-vectors.json', import.meta.url),
  JSON.stringify(out, null, 2) + '\n',
);
console.log('wrote docs/ssj-log-v1-vectors.json');
