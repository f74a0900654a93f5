import { reasonRule } from './utils/reason-rule.js';

/** A Not Agreed response gives its reasons in the template's four kinds. */
export const notAgreedReason = reasonRule({
  id: 'not-agreed-reason',
  description: 'a Not Agreed response gives a reason that is commissioning, policy, operational or affordability',
  agreement: 'not-agreed',
  marking: 'Not Agreed',
});
