import type { Core } from '@strapi/strapi';

import { shouldRunAgain } from './document-transaction';

/**
 * The Content Manager runs some actions in a transaction of its own (publish and unpublish, of one document or in
 * bulk): the plugin's document lock then runs inside that transaction, which only its owner can run again. When the
 * database picks it as a deadlock's victim, the whole transaction is rolled back and the request would answer
 * 503 (or, for a cycle in the Content Manager's own statements, 500).
 *
 * So each action of the Content Manager's `collection-types` and `single-types` controllers is run again, up to 4
 * attempts in all, when it fails with a deadlock or a lock timeout, as both databases document. Nothing of the
 * failed attempt was kept: its transaction was rolled back before the error reached the controller's caller.
 * Any other error, and the 503 of a transaction the plugin owned and already retried, goes through unchanged.
 *
 * Done at register, before Strapi binds its routes to the controllers' actions.
 */
export function retryContentManagerActions(strapi: Core.Strapi): void {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  for (const name of ['collection-types', 'single-types']) {
    let controller: Record<string, unknown> | undefined;
    try {
      controller = contentManager.controller(name) as unknown as Record<string, unknown>;
    } catch {
      controller = undefined;
    }
    if (!controller) continue;
    for (const [action, original] of Object.entries(controller)) {
      if (typeof original !== 'function') continue;
      controller[action] = async function retried(this: unknown, ctx: any, ...rest: unknown[]) {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await original.call(this, ctx, ...rest);
          } catch (error) {
            if (ctx?.headerSent || !(await shouldRunAgain(strapi, error, attempt, `content-manager ${name}.${action}`)))
              throw error;
          }
        }
      };
    }
  }
}
