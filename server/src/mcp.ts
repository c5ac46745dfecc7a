import { createRequire } from 'module';
import path from 'path';

import type { Core } from '@strapi/strapi';

import { ACTIONS, PLUGIN_ID } from '../../shared/constants';
import type { McpDocumentInput, McpGetResult, McpSuggestInput, McpSuggestResult } from '../../shared/contracts';
import { suggestionSchema } from '../../shared/schemas';
import { AI_INVOLVEMENT } from '../../shared/trust';
import { errorBody, forbidden, isTrustLabelsError } from './errors';
import { assertContentManagerPermission, type ContentManagerAction } from './permissions';
import type { Target } from './types';
import { getService } from './services/registry';
import { parseInput } from './validation/input';
import { documentTarget } from './validation/targets';

/**
 * The plugin's tools on Strapi's MCP server (Strapi 5.47 and newer, `server.mcp.enabled`; an agent authenticates with
 * an admin token). Two tools, and nothing that verifies, unverifies or changes settings:
 *
 * - `trust_labels_get`: a document's trust state, as GET /trust-labels/documents/… answers it;
 * - `trust_labels_suggest`: records an agent's suggestion (a stronger AI involvement, sources to add) on the draft,
 *   for an editor to accept or dismiss in the Trust panel. It changes no label, no status, no content hash.
 *
 * What a call needs, from the token's permissions (the same ability the admin routes check): the plugin's `read`
 * action (also the session gate: without it the tools are not listed), then the Content Manager's `read` (get) or
 * `update` (suggest) permission on that entry and locale, with its conditions (permissions.ts), as the admin routes.
 * An agent's writes through Strapi's own tools (update_…, publish_…) go through the document service like any
 * other write: trust dropped from the data, a verified version made stale, the publish gate.
 */
const MCP_TOOLS = { get: 'trust_labels_get', suggest: 'trust_labels_suggest' } as const;

/** Strapi's zod (the @strapi/utils the running core uses): the MCP SDK needs zod 4.2 or newer; the plugin bundles zod 3. */
const strapiZod = (strapi: Core.Strapi): any => {
  const fromApp = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
  const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi/package.json'));
  const fromCore = createRequire(fromStrapi.resolve('@strapi/core/package.json'));
  return (fromCore('@strapi/utils') as { z?: unknown }).z ?? null;
};

interface McpContext {
  userAbility: { can: (action: string, subject?: unknown) => boolean };
  user: { id: number; firstname?: string | null; lastname?: string | null; username?: string | null };
}

const text = (value: unknown) => [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }];

/** A tool error an agent can read: Strapi's error body (status, name, message, details with a path and code per problem). */
const toolError = (error: unknown) => {
  if (!isTrustLabelsError(error)) throw error;
  return { content: text(errorBody(error)), isError: true as const };
};

/** The checks of every tool call: the plugin's read action, the target, the Content Manager permission on it. */
const targetFor = async (
  strapi: Core.Strapi,
  context: McpContext,
  args: McpDocumentInput,
  action: ContentManagerAction
): Promise<Target> => {
  if (!context.userAbility.can(ACTIONS.read)) throw forbidden(`Forbidden: this needs the ${ACTIONS.read} permission`);
  const target = await documentTarget(strapi, { uid: args.uid, documentId: args.documentId, locale: args.locale });
  // permissions.ts reads the ability where the admin routes have it.
  await assertContentManagerPermission(
    strapi,
    { state: { userAbility: context.userAbility, user: context.user } },
    target,
    action
  );
  return target;
};

export const registerMcpTools = (strapi: Core.Strapi) => {
  const mcp = (strapi as any).ai?.mcp;
  if (typeof mcp?.registerTool !== 'function') {
    strapi.log.info(
      `[${PLUGIN_ID}] MCP tools off: this Strapi version has no MCP server (it comes with Strapi 5.47 and newer)`
    );
    return;
  }
  let z: any;
  try {
    z = strapiZod(strapi);
  } catch {
    z = null;
  }
  if (!z) {
    strapi.log.warn(`[${PLUGIN_ID}] MCP tools off: Strapi's zod (@strapi/utils) could not be found from the app`);
    return;
  }
  const documentShape = {
    uid: z.string().describe('The content type uid, e.g. "api::article.article" (a type with trust labels)'),
    documentId: z.string().describe('The documentId of the entry'),
    locale: z
      .string()
      .optional()
      .describe(
        'Locale code (e.g. "en") for a localized type; defaults to the default locale. Omit it for a type that is not localized.'
      ),
  };
  const state = z.record(z.string(), z.unknown());
  const documentTrust = z.object({ draft: state, published: state.nullable() });
  const auth = { policies: [{ action: ACTIONS.read }] };

  mcp.registerTool({
    name: MCP_TOOLS.get,
    title: 'Trust labels of an entry',
    description:
      "The trust labels of an entry's draft and published version in one locale: verification status (verified, stale, unverified), AI involvement, disclaimer, sources, AI disclosure, the content hash, and any pending suggestion. Needs the Content Manager's read permission on the entry.",
    auth,
    telemetry: { source: PLUGIN_ID, name: 'get' },
    resolveInputSchema: () => z.object(documentShape).strict(),
    resolveOutputSchema: () => z.object({ data: documentTrust }),
    createHandler:
      (_strapi: Core.Strapi, context: McpContext) =>
      async ({ args }: { args: McpDocumentInput }) => {
        try {
          const target = await targetFor(strapi, context, args, 'read');
          const result: McpGetResult = { data: await getService(strapi, 'trust').getDocumentState(target) };
          return { content: text(result), structuredContent: result };
        } catch (error) {
          return toolError(error);
        }
      },
  });

  mcp.registerTool({
    name: MCP_TOOLS.suggest,
    title: 'Suggest trust labels for an entry',
    description:
      "Records a suggestion on an entry's draft for an editor to accept or dismiss: a stronger AI involvement (none < unknown < assisted < generated; a value that would weaken what the editor set is dropped) and sources to add (one per URL; sources already on the draft are dropped). It changes no label and never verifies. Needs the Content Manager's update permission on the entry.",
    auth,
    telemetry: { source: PLUGIN_ID, name: 'suggest' },
    resolveInputSchema: () =>
      z
        .object({
          ...documentShape,
          aiInvolvement: z
            .enum([...AI_INVOLVEMENT])
            .optional()
            .describe('How much AI was involved in writing the entry'),
          sources: z
            .array(
              z
                .object({
                  title: z.string().describe('Title of the source, plain text, at most 300 characters'),
                  url: z.string().describe('Absolute http(s) URL of the source'),
                  publisher: z.string().nullable().optional(),
                  accessedAt: z.string().nullable().optional().describe('Date YYYY-MM-DD'),
                })
                .strict()
            )
            .optional()
            .describe('Sources the entry relies on, to add to the draft'),
        })
        .strict(),
    resolveOutputSchema: () =>
      z.object({
        recorded: z.boolean(),
        suggestion: state.nullable(),
        notes: z.array(z.string()),
        data: documentTrust,
      }),
    createHandler:
      (_strapi: Core.Strapi, context: McpContext) =>
      async ({ args }: { args: McpSuggestInput }) => {
        try {
          const target = await targetFor(strapi, context, args, 'update');
          const { aiInvolvement, sources } = args;
          const input = parseInput(suggestionSchema, {
            ...(aiInvolvement !== undefined ? { aiInvolvement } : {}),
            ...(sources !== undefined ? { sources } : {}),
          });
          const { suggestion, recorded, notes } = await getService(strapi, 'suggestions').suggest(
            target,
            input,
            context.user
          );
          if (!recorded) {
            // Nothing new: say so as an error, so that an agent does not take a refused suggestion for a recorded one.
            return {
              content: text({ error: { name: 'NothingRecorded', message: 'Nothing was recorded.', notes } }),
              isError: true as const,
            };
          }
          const result: McpSuggestResult = {
            recorded,
            suggestion,
            notes,
            data: await getService(strapi, 'trust').getDocumentState(target),
          };
          return { content: text(result), structuredContent: result };
        } catch (error) {
          return toolError(error);
        }
      },
  });
};
