import { hiddenCollectionType } from '../hidden';

// The integrity check's one row (id 1), shared by every Strapi process on the database (services/integrity.ts):
// - `holder`, `expiresAt`: the lease. One process at a time runs the check; it renews the lease with each batch, and
//   another process takes the check over once the lease has expired (its holder died).
// - `state`: the running check (JSON): where it is (type, last entry id), what it found so far; null when none runs.
// - `requested`: a repairing check was asked for while a check without repair ran; it starts when that one ends.
// - `result`: the last completed check (JSON), which GET /trust-labels/integrity answers with.
// - `runs`: the number of checks started on this database.
// Hidden, no routes.
export default hiddenCollectionType({
  collectionName: 'trust_labels_integrity_runs',
  info: {
    singularName: 'integrity-run',
    pluralName: 'integrity-runs',
    displayName: 'Trust labels integrity check',
    description: 'The lease and progress of the running integrity check, and the last completed one',
  },
  attributes: {
    holder: { type: 'string' },
    expiresAt: { type: 'biginteger' },
    state: { type: 'text' },
    requested: { type: 'boolean' },
    result: { type: 'text' },
    runs: { type: 'integer' },
  },
});
