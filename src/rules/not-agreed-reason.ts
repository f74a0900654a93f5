import { reasonRule } from './utils/reason-rule.js';

/** The template's definition of Not Agreed requires this reason; how a reason is read is shared with partly-agreed-reason (utils/reason-rule.ts). */
export const notAgreedReason = reasonRule({
  id: 'not-agreed-reason',
  description: 'a Not Agreed response gives a reason that is commissioning, policy, operational or affordability',
  agreement: 'not-agreed',
  marking: 'Not Agreed',
});
