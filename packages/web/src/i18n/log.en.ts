/** English messages of the transparency log (ssj-log/1, issue 13; merged into en.ts). */
import type { logZhCN } from './log.zh-cn';

export const logEn: { readonly [K in keyof typeof logZhCN]: string } = {
  'log.card.title': 'Transparency log',
  'log.card.none': 'No signed tree head yet: new entries are included in the next head (within minutes).',
  'log.card.size': 'Tree size',
  'log.card.root': 'Root hash',
  'log.card.time': 'Signed at',
  'log.card.key': 'Key id',
  'log.card.entries': "This draw's log entries",
  'log.card.pending': 'pending',
  'log.card.verify': 'Verify inclusion',
  'log.card.ok': 'Verified: all {n} entries are in the signed tree head, and its signature is valid',
  'log.card.okNoSig':
    'Inclusion verified for all {n} entries (this browser lacks Ed25519: the signature was not checked)',
  'log.card.bad': 'Verification failed: {reason}',
  'log.card.badEntry': 'entry {i} is not in the tree head',
  'log.card.badSig': 'the tree head signature is invalid',
  'log.card.commitments': 'Every commitment of this task',
  'log.outcome.drawn': 'drawn',
  'log.outcome.abandoned': 'abandoned',
  'log.outcome.pending': 'not drawn yet',
};
