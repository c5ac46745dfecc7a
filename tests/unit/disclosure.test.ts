import { disclosureHeaderValue, resolveDisclosure } from '../../shared/disclosure';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES } from '../../shared/trust';

describe('resolveDisclosure', () => {
  it('maps every status and aiInvolvement to the W3C value, the label duty and the header', () => {
    const table = AI_INVOLVEMENT.flatMap((aiInvolvement) =>
      VERIFICATION_STATUSES.map((status) => [aiInvolvement, status, resolveDisclosure({ status, aiInvolvement }), disclosureHeaderValue({ status, aiInvolvement })])
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
