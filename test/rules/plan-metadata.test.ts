import { planMetadata } from '../../src/rules/plan-metadata.js';
import { plan } from '../helpers/plan.js';
import { ruleCases } from './cases.js';

const SUBMITTED = {
  message: "The plan's submission date is missing or unreadable: expected a line 'Action Plan Submitted: <date>' with a full date",
  path: 'plan.submitted',
  recommendation: null,
  action: null,
};
const PUBLISHED = {
  message: "The plan's report-published date is missing or unreadable: expected a line 'Report Published: <date>' with a full date",
  path: 'plan.reportPublished',
  recommendation: null,
  action: null,
};

ruleCases(planMetadata, [
  { name: 'both dates read', doc: plan(), expected: [] },
  { name: 'no title or inspection name is this rule’s concern', doc: plan({ plan: { title: null, inspection: null } }), expected: [] },
  { name: 'submission date missing', doc: plan({ plan: { submitted: null } }), expected: [SUBMITTED] },
  { name: 'published date missing', doc: plan({ plan: { reportPublished: null } }), expected: [PUBLISHED] },
  { name: 'both missing', doc: plan({ plan: { submitted: null, reportPublished: null } }), expected: [PUBLISHED, SUBMITTED] },
]);
