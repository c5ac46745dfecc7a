import { disclosureHeaderValue } from '../../shared/disclosure';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES } from '../../shared/trust';
import { resolveDisclosure } from '../../server/src/domain/status';

const NEWSROOM = { name: 'Bytevyte Newsroom' };

describe('disclosure', () => {
  it('maps every status and aiInvolvement to the W3C value and the header (public interest, someone responsible)', () => {
    const table = AI_INVOLVEMENT.flatMap((aiInvolvement) =>
      VERIFICATION_STATUSES.map((status) => {
        const disclosure = resolveDisclosure({
          status,
          aiInvolvement,
          publicInterest: true,
          responsibleParty: NEWSROOM,
        });
        return [aiInvolvement, status, disclosure, disclosureHeaderValue({ aiInvolvement, disclosure })];
      })
    );
    expect(table).toEqual([
      ['unknown', 'unverified', { value: null, labelRequired: false }, null],
      ['unknown', 'verified', { value: null, labelRequired: false }, null],
      ['unknown', 'stale', { value: null, labelRequired: false }, null],
      ['none', 'unverified', { value: 'human-only', labelRequired: false }, 'mode=none'],
      ['none', 'verified', { value: 'human-only', labelRequired: false }, 'mode=none'],
      ['none', 'stale', { value: 'human-only', labelRequired: false }, 'mode=none'],
      ['assisted', 'unverified', { value: 'ai-autonomous', labelRequired: true }, 'mode=machine-generated'],
      ['assisted', 'verified', { value: 'ai-assisted', labelRequired: false }, 'mode=ai-modified'],
      ['assisted', 'stale', { value: 'ai-autonomous', labelRequired: true }, 'mode=machine-generated'],
      ['generated', 'unverified', { value: 'ai-autonomous', labelRequired: true }, 'mode=machine-generated'],
      ['generated', 'verified', { value: 'ai-assisted', labelRequired: false }, 'mode=ai-originated'],
      ['generated', 'stale', { value: 'ai-autonomous', labelRequired: true }, 'mode=machine-generated'],
    ]);
  });
});
