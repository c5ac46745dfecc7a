import { REVIEW_CHECKS } from '../../shared/trust';

/** Every check a verifier can confirm: what a verify needs under the default `requiredChecks` setting. */
export const ALL_CHECKS = [...REVIEW_CHECKS];
