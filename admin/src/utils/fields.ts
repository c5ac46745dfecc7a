import type { Translate } from '../hooks/useTranslate';

/** The trust labels' own fields, as the panel labels them. */
const LABEL_FIELDS: Record<string, string> = {
  aiInvolvement: 'AI involvement',
  disclaimerMode: 'Disclaimer',
  disclaimerText: 'Custom disclaimer',
  sources: 'Sources',
  editorialResponsibility: 'Editorial responsibility',
};

/** A readable label for an attribute name: "publishedDate" → "Published date", "seo_title" → "Seo title". */
const humanizeField = (name: string) => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
};

/** What the panel, the history and the diff call a field: the labels' own names translated, others humanized. */
export const fieldLabel = (t: Translate, field: string) =>
  field in LABEL_FIELDS ? t(`fields.${field}`, LABEL_FIELDS[field]) : humanizeField(field);

/** A list of changed fields, labelled. */
export const fieldLabels = (t: Translate, fields: string[]) => fields.map((field) => fieldLabel(t, field)).join(', ');
