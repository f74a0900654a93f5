import { reasonRule } from './utils/reason-rule.js';

/** The template's definition of Partly Agreed requires this reason; how a reason is read is shared with not-agreed-reason (utils/reason-rule.ts). */
export const partlyAgreedReason = reasonRule({
  id: 'partly-agreed-reason',
  description: 'a Partly Agreed response gives a reason that is commissioning, policy, operational or affordability',
  agreement: 'partly-agreed',
  marking: 'Partly Agreed',
});
