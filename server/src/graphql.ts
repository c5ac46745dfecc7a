import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../../shared/config-schema';
import { AUDIT_CHAIN_UID, AUDIT_EVENT_UID, TRUST_COMPONENT_UID } from '../../shared/constants';
import type { PublicTrust } from '../../shared/trust';
import { loadPublicTrust } from './services/public-trust';

/**
 * With @strapi/plugin-graphql installed, `trust` is queryable and filterable on every enabled type with the same
 * shape as in REST. The `<Type>.trust` field resolves through services/public-trust.ts, like REST: the entries of
 * one request are batched into one query per type. Filters (`filters: { trust: { status: { eq: "verified" } } }`)
 * are Strapi's own, on the trust component's public fields. The `trust` input is removed from every create and
 * update mutation (the document service drops it anyway), and the audit log is not in the schema at all.
 *
 * Called from register(): the GraphQL schema is built in the GraphQL plugin's bootstrap, after every register.
 */
export const registerGraphQL = (strapi: Core.Strapi, config: PluginConfig) => {
  const graphql: any = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  const attr = config.attributeName;

  extension.shadowCRUD(AUDIT_EVENT_UID).disable();
  extension.shadowCRUD(AUDIT_CHAIN_UID).disable();
  for (const uid of config.contentTypes) extension.shadowCRUD(uid).field(attr).disableInput();
  extension.shadowCRUD(TRUST_COMPONENT_UID).field('id').disableOutput();

  const batches = new WeakMap<object, Map<string, Batch>>();
  const trustOf = (context: object, uid: string, parent: any): Promise<PublicTrust | undefined> => {
    let byUid = batches.get(context);
    if (!byUid) batches.set(context, (byUid = new Map()));
    let batch = byUid.get(uid);
    if (!batch) {
      const created: Batch = { entries: new Map(), result: null as unknown as Promise<Map<number, PublicTrust>> };
      // After every sibling's resolver has been called (the list's items resolve in the same turn).
      created.result = new Promise((resolve, reject) =>
        setImmediate(() => {
          byUid!.delete(uid);
          loadPublicTrust(strapi, uid, [...created.entries.values()]).then(resolve, reject);
        })
      );
      byUid.set(uid, (batch = created));
    }
    const id = Number(parent?.id);
    batch.entries.set(id, { id, locale: typeof parent?.locale === 'string' ? parent.locale : null });
    return batch.result.then((trust) => trust.get(id));
  };

  extension.use(({ nexus }: { nexus: any }) => {
    const { naming } = graphql.service('utils');
    const trustType = naming.getComponentName(strapi.components[TRUST_COMPONENT_UID as keyof typeof strapi.components]);
    const resolversConfig: Record<string, unknown> = {};
    for (const uid of config.contentTypes) {
      const contentType = strapi.contentType(uid as any);
      if (!contentType || extension.shadowCRUD(uid).isDisabled()) continue;
      resolversConfig[`${naming.getTypeName(contentType)}.${attr}`] = {
        // Replaces the generated resolver (which would load the stored row): the public object, batched.
        middlewares: [
          (_next: unknown, parent: any, _args: unknown, context: any) => trustOf(context ?? {}, uid, parent),
        ],
      };
    }
    return {
      types: [
        nexus.objectType({
          name: 'TrustLabelsSource',
          description: 'A source an entry relies on, in the order editors set',
          definition(t: any) {
            t.nonNull.string('title');
            t.nonNull.string('url', { description: 'An absolute http(s) URL' });
            t.string('publisher');
            t.string('accessedAt', { description: 'The date the source was read, YYYY-MM-DD' });
          },
        }),
        nexus.objectType({
          name: 'TrustLabelsDisclosure',
          description: "The version's AI disclosure, as in REST's trust.disclosure",
          definition(t: any) {
            t.string('value', {
              description:
                'W3C ai-disclosure value: human-only, ai-assisted (reviewed by a person) or ai-autonomous; null when AI involvement is unknown',
            });
            t.nonNull.boolean('labelRequired', {
              description:
                'True when AI was involved and this version was not verified (EU AI Act Art. 50(4) guidelines)',
            });
          },
        }),
        nexus.extendType({
          type: trustType,
          definition(t: any) {
            t.string('verifiedBy', {
              description: "The verifier's display name when the showVerifierName setting is on, else null",
              resolve: (parent: PublicTrust) => parent?.verifiedBy ?? null,
            });
            t.string('disclaimer', {
              description:
                "The disclaimer to show, resolved for the entry's locale with {siteName} filled; null for none",
              resolve: (parent: PublicTrust) => parent?.disclaimer ?? null,
            });
            t.nonNull.field('disclosure', {
              type: 'TrustLabelsDisclosure',
              description: 'The AI disclosure of this version',
              resolve: (parent: PublicTrust) => parent?.disclosure ?? { value: null, labelRequired: false },
            });
            t.nonNull.list.nonNull.field('sources', {
              type: 'TrustLabelsSource',
              description: 'The sources, in order',
              resolve: (parent: PublicTrust) => parent?.sources ?? [],
            });
          },
        }),
      ],
      resolversConfig,
    };
  });
};

interface Batch {
  entries: Map<number, { id: number; locale: string | null }>;
  result: Promise<Map<number, PublicTrust>>;
}
