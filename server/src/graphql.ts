import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../../shared/config-schema';
import { SOURCE_COMPONENT_UID, TRUST_COMPONENT_UID } from './components';
import { toPublicTrust, type PresentationContext } from './services/trust';
import { getService } from './utils';

/**
 * With @strapi/plugin-graphql installed, `trust` is queryable and filterable on every enabled type with the
 * same shape as in REST: `status`, `verifiedAt`, `verifiedBy`, `aiInvolvement`, `disclaimer` (resolved for the
 * entry's locale) and `sources`. Private component fields (hashes, verifier id) are left out by the GraphQL
 * plugin itself; the editor fields and component ids, which REST does not show either, are hidden here. The
 * `trust` input is removed from every create/update mutation, on top of the document-service middleware that
 * drops `trust` from every write that does not come from the plugin.
 *
 * Called from register(): the GraphQL schema is built in the GraphQL plugin's bootstrap, after every register.
 */
export const registerGraphQL = (strapi: Core.Strapi, config: PluginConfig) => {
  const graphql: any = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  const attr = config.attributeName;

  for (const uid of config.contentTypes) {
    extension.shadowCRUD(uid).field(attr).disableInput();
  }
  for (const field of ['id', 'disclaimerMode', 'disclaimerText']) {
    extension.shadowCRUD(TRUST_COMPONENT_UID).field(field).disableOutput();
  }
  extension.shadowCRUD(SOURCE_COMPONENT_UID).field('id').disableOutput();

  // Settings and default locale, read once per GraphQL request (not per entry).
  const contexts = new WeakMap<object, Promise<PresentationContext>>();
  const presentationContextFor = (graphqlContext: unknown) => {
    const key = graphqlContext && typeof graphqlContext === 'object' ? graphqlContext : null;
    if (!key) return getService(strapi, 'trust').presentationContext();
    let pending = contexts.get(key);
    if (!pending) {
      pending = getService(strapi, 'trust').presentationContext();
      contexts.set(key, pending);
    }
    return pending;
  };

  /**
   * Wraps the generated `<Type>.trust` resolver: the stored component row becomes the public trust object. An
   * entry without trust data (created before the plugin was enabled) gets the defaults, as in REST.
   */
  const presentTrust = async (next: any, parent: any, args: any, context: any, info: any) => {
    const resolved = await next(parent, args, context, info);
    const row = resolved && typeof resolved === 'object' ? resolved : { id: null };
    const presented = toPublicTrust(row, typeof parent?.locale === 'string' ? parent.locale : null, await presentationContextFor(context));
    // `id` stays: the `sources` field resolver loads the sources by the component row id.
    return {
      ...row,
      status: presented.status,
      aiInvolvement: presented.aiInvolvement,
      verifiedAt: presented.verifiedAt,
      verifiedBy: presented.verifiedBy,
      disclaimer: presented.disclaimer,
    };
  };

  /** No component row, no sources (the generated resolver would look them up by a missing id). */
  const sourcesOfStoredRow = (next: any, parent: any, args: any, context: any, info: any) =>
    parent?.id === null || parent?.id === undefined ? [] : next(parent, args, context, info);

  extension.use(({ nexus }: { nexus: any }) => {
    const { naming } = graphql.service('utils');
    const trustComponent = strapi.components[TRUST_COMPONENT_UID as keyof typeof strapi.components];
    const trustType = naming.getComponentName(trustComponent);
    const resolversConfig: Record<string, unknown> = { [`${trustType}.sources`]: { middlewares: [sourcesOfStoredRow] } };
    for (const uid of config.contentTypes) {
      const contentType = strapi.contentType(uid as any);
      if (!contentType || extension.shadowCRUD(uid).isDisabled()) continue;
      resolversConfig[`${naming.getTypeName(contentType)}.${attr}`] = { middlewares: [presentTrust] };
    }
    return {
      types: [
        nexus.extendType({
          type: trustType,
          definition(t: any) {
            t.string('verifiedBy', {
              description: "The verifier's display name when the showVerifierName setting is on, else null",
              resolve: (parent: any) => (typeof parent?.verifiedBy === 'string' ? parent.verifiedBy : null),
            });
            t.string('disclaimer', {
              description: "The disclaimer to show, resolved for the entry's locale with {siteName} filled; null for none",
              resolve: (parent: any) => (typeof parent?.disclaimer === 'string' ? parent.disclaimer : null),
            });
          },
        }),
      ],
      resolversConfig,
    };
  });
};
