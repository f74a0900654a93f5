import { actionDue } from './action-due.js';
import { actionOwner } from './action-owner.js';
import { actionsPresent } from './actions-present.js';
import { agreementStated } from './agreement-stated.js';
import { dueBeforeSubmission } from './due-before-submission.js';
import { dueHorizon } from './due-horizon.js';
import { dueTimeBound } from './due-time-bound.js';
import { notAgreedReason } from './not-agreed-reason.js';
import { numbering } from './numbering.js';
import { ownerDueAlignment } from './owner-due-alignment.js';
import { partlyAgreedReason } from './partly-agreed-reason.js';
import { planMetadata } from './plan-metadata.js';
import { recommendationText } from './recommendation-text.js';
import { readComplete } from './read-complete.js';
import { reportCoverage } from './report-coverage.js';
import type { AnyRule } from './types.js';
import { vagueAction } from './vague-action.js';

/** Every rule plancheck knows, in the order `plancheck rules` lists them (the order of the README's rules table). */
export const rules: readonly AnyRule[] = [
  agreementStated,
  recommendationText,
  actionsPresent,
  actionOwner,
  actionDue,
  ownerDueAlignment,
  partlyAgreedReason,
  notAgreedReason,
  dueTimeBound,
  dueBeforeSubmission,
  dueHorizon,
  numbering,
  planMetadata,
  vagueAction,
  readComplete,
  reportCoverage,
];
