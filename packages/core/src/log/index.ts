/** ssj-log/1: the public transparency log's Merkle tree, entries, tree heads and audit anchors. */
export * from './merkle';
export * from './entry';
export * from './audit-anchor';
