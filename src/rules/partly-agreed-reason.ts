import { reasonRule } from './utils/reason-rule.js';

/** A Partly Agreed response says why the rest cannot be done, in one of the template's four kinds of reason. */
export const partlyAgreedReason = reasonRule({
  id: 'partly-agreed-reason',
  description: 'a Partly Agreed response gives a reason that is commissioning, policy, operational or affordability',
  agreement: 'partly-agreed',
  marking: 'Partly Agreed',
});
