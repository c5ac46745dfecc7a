import type { QueueEntry } from '../../../shared/contracts';

/** The Content Manager's edit view of an entry (inside the admin's router, so without the /admin prefix). */
export const editViewPath = (
  entry: Pick<QueueEntry, 'uid' | 'documentId' | 'locale'>,
  kind: 'collectionType' | 'singleType' = 'collectionType'
) => {
  const locale = entry.locale ? `?plugins[i18n][locale]=${encodeURIComponent(entry.locale)}` : '';
  return kind === 'singleType'
    ? `/content-manager/single-types/${entry.uid}${locale}`
    : `/content-manager/collection-types/${entry.uid}/${encodeURIComponent(entry.documentId)}${locale}`;
};
