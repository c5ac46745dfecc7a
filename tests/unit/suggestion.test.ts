import fc from 'fast-check';

import { AI_INVOLVEMENT, type AiInvolvement, type TrustSuggestion } from '../../shared/trust';
import {
  DISCLOSURE_RANK,
  editFromSuggestion,
  mergeSuggestion,
  raisesDisclosure,
} from '../../server/src/domain/suggestion';
import { registerMcpTools } from '../../server/src/mcp';

const A = { title: 'A', url: 'https://example.com/a', publisher: null, accessedAt: null };
const B = { title: 'B', url: 'https://example.com/b', publisher: null, accessedAt: null };
const C = { title: 'C', url: 'https://example.com/c', publisher: null, accessedAt: null };

const pending = (aiInvolvement: AiInvolvement | null, sources = [] as (typeof A)[]): TrustSuggestion => ({
  aiInvolvement,
  sources,
  suggestedAt: '2026-12-01T00:00:00.000Z',
  suggestedBy: null,
});

describe("an agent's suggestion never lowers what an editor set", () => {
  it('keeps an AI involvement only when it discloses more (none < unknown < assisted < generated)', () => {
    expect(raisesDisclosure('unknown', 'assisted')).toBe(true);
    expect(raisesDisclosure('none', 'assisted')).toBe(true);
    expect(raisesDisclosure('assisted', 'generated')).toBe(true);
    expect(raisesDisclosure('assisted', 'none')).toBe(false);
    expect(raisesDisclosure('unknown', 'none')).toBe(false);
    expect(raisesDisclosure('none', 'unknown')).toBe(false);
    expect(raisesDisclosure('generated', 'generated')).toBe(false);
  });

  it('whatever the labels, the pending suggestion and the input, accepting never lowers the disclosure', () => {
    const involvement = fc.constantFrom(...AI_INVOLVEMENT);
    fc.assert(
      fc.property(
        involvement,
        fc.option(involvement, { nil: null }),
        fc.option(involvement, { nil: undefined }),
        (labels, before, input) => {
          const merged = mergeSuggestion(
            { aiInvolvement: labels, sources: [] },
            before === null ? null : pending(before),
            input === undefined ? {} : { aiInvolvement: input }
          );
          const edit = editFromSuggestion({ aiInvolvement: labels, sources: [] }, pending(merged.aiInvolvement));
          const after = edit.aiInvolvement ?? labels;
          return DISCLOSURE_RANK[after] >= DISCLOSURE_RANK[labels];
        }
      )
    );
  });

  it('drops a lower value with a note, and keeps the higher of two suggestions', () => {
    const lower = mergeSuggestion({ aiInvolvement: 'assisted', sources: [] }, null, { aiInvolvement: 'none' });
    expect(lower).toMatchObject({ aiInvolvement: null, changed: false });
    expect(lower.notes[0]).toContain('"none" dropped');
    const kept = mergeSuggestion({ aiInvolvement: 'unknown', sources: [] }, pending('generated'), {
      aiInvolvement: 'assisted',
    });
    expect(kept).toMatchObject({ aiInvolvement: 'generated', changed: false });
  });

  it('adds sources only: one per URL, none already on the draft or suggested', () => {
    const merged = mergeSuggestion({ aiInvolvement: 'unknown', sources: [A] }, pending(null, [B]), {
      sources: [A, B, C],
    });
    expect(merged.sources.map((source) => source.url)).toEqual([B.url, C.url]);
    expect(merged.notes).toHaveLength(2);
    expect(editFromSuggestion({ aiInvolvement: 'unknown', sources: [A, B] }, pending(null, merged.sources))).toEqual({
      sources: [A, B, C],
    });
  });

  it('refuses a suggestion that would take the draft over 50 sources', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...A, url: `https://example.com/${i}` }));
    expect(
      mergeSuggestion({ aiInvolvement: 'unknown', sources: many }, null, {
        sources: [{ ...A, url: 'https://example.com/new' }],
      }).problem
    ).toContain('at most 50');
  });
});

describe('MCP tools registration', () => {
  it('logs one info line and registers nothing on a Strapi without an MCP server', () => {
    const info = jest.fn();
    const warn = jest.fn();
    registerMcpTools({ log: { info, warn } } as any);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0][0]).toContain('MCP tools off');
    expect(warn).not.toHaveBeenCalled();
  });
});
