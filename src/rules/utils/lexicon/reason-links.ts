/**
 * The words that tie a category word to the decision, or show that a sentence is an action rather than a reason.
 * src/rules/utils/reason-reading.ts uses them; docs/rules/partly-agreed-reason.md lists them; keep the two in step.
 */

/** A case-insensitive regex of whole-word alternatives. */
export function anyOf(terms: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${terms.join('|')})\\b`, 'i');
}

/**
 * Words that open a reason clause before the decision ("Given the recruitment freeze, …", "As the service is
 * commissioned nationally, …"): the clause runs to the first comma.
 */
export const LEADING_CAUSE = anyOf([
  'as', 'since', 'because(?: of)?', 'given(?: that)?', 'due to', 'owing to', 'with no', 'without', 'under',
  'in (?:the )?(?:absence|light|view) of', 'for (?:\\w+ ){0,2}reasons?', 'on (?:\\w+ ){0,2}grounds', 'following',
]);

/**
 * Words that join a reason to what follows or precedes it in one sentence: the reason is before "so", "means",
 * "which means", and after "because", "as", "since", "given", "due to".
 */
export const CAUSE_BEFORE = anyOf([
  'so(?! that| far| as)', 'which means', 'means?', 'meaning', 'therefore', 'hence', 'for that reason',
  'makes? (?:\\w+ ){0,4}(?:impossible|unaffordable|impractical|unworkable|difficult|unviable|infeasible)',
]);
export const CAUSE_AFTER = anyOf([
  'because(?: of)?', '(?<!\\bsame(?:\\s\\w+){0,3}\\s)as(?! (?:well|part|set out|soon|follows|above|below|possible|appropriate|required|agreed|needed|such|a way|an?|much|many|far))',
  'since', 'given(?: that)?', 'due to', 'owing to', 'as a result of', 'on account of', 'for (?:\\w+ ){0,2}reasons?', 'on (?:\\w+ ){0,2}grounds',
  'dependent (?:on|upon)', 'depends? (?:on|upon)', 'subject to', 'with no', 'in (?:the )?(?:light|view) of',
  'the reasons? (?:for this )?(?:is|are)(?: that)?', 'this is because',
  'as a consequence of',
]);

/**
 * A refusal or an inability: a category word in the same clause is the reason for it, even in a clause that also
 * says what will be done ("the PDU will not shorten them").
 */
export const REFUSAL = anyOf([
  'not', "n[’']t", 'cannot', 'unable', 'no longer', 'impossible', 'unaffordable', 'unviable', 'infeasible', 'unworkable',
  'impractical', 'unsuitable', 'inappropriate', 'unfunded', 'unsuccessful', 'unavailable', 'unstaffed', 'unsustainable',
  'unachievable', 'unrealistic', 'neither', 'nor',
]);

/** A lack or a limit: the reason for the decision in a clause that says nothing will be done. */
export const LACK = anyOf([
  'no', 'none', 'too', 'unnecessary', 'insufficient', 'lacks?', 'lacking', 'shortages?', 'only', 'instead',
  'rather than', 'except', 'in part', 'partly',
]);

/**
 * What puts the matter out of the responder's hands or limits it, in a clause with no action of its own: "is set
 * by", "rests with", "a national contract", "would cost".
 */
export const CONSTRAINT = anyOf([
  '(?:set|decided|fixed|determined|governed|managed|controlled|laid down|issued|owned|held|chosen|agreed|provided|run|allocated|assigned|arranged|delivered|imposed) (?:by|nationally|centrally|in(?! (?:january|february|march|april|may|june|july|august|september|october|november|december|\\d)))',
  'set nationally', 'sets', 'fixe[sd]', 'govern(?:s|ed)?', 'controls?', 'dictates?', 'determines?',
  '(?:rests?|lies?|sits?|falls?|belongs?) (?:with|to)', 'matter for', 'for (?:HMPPS|the Ministry|ministers|the court|the region) to',
  'leaves? (?:the )?(?:decision|choice|matter)', 'responsibility of', 'responsible for', 'outside', 'beyond', 'further than', 'remit', 'nationally', 'centrally', 'under',
  'would', 'could', 'requires?', 'required', 'must', 'obliged', 'allows?', 'permits?', 'prevents?', 'precludes?', 'prohibits?',
  'limit(?:s|ed)?', 'restrict(?:s|ed)?', 'constrain(?:s|ed|ts?)?', 'stretched', 'reduc(?:ed|tions?)', 'cuts?', 'freeze', 'frozen',
  'ends?', 'ended', 'expires?', 'conflicts? with', '(?:runs )?counter to', 'contrary to', 'already', '(?:is|are) (?:now )?full', 'at capacity', 'exceed(?:s|ed)?',
  'pressures?', 'constraints?', 'lag(?:s|ging)?', 'spent', 'one-off', 'withdrawn', 'ceased',
]);

/** A commitment: the clause says what will be done, so its category words ("review the contract") are no reason. */
export const COMMITMENT = anyOf([
  'will', 'shall', "we[’']ll", 'is to', 'are to', 'plans? to', 'intends? to', 'going to', 'agrees? to', 'commits? to',
  'continues? to', 'aims? to', 'seeks? to', 'endeavours? to', 'proposes? to',
  // Something already done towards the recommendation is an action too.
  '(?:has|have) (?:already )?(?:asked|written|met|requested|raised|shared|sent|invited|contacted|discussed|briefed|arranged|reviewed|updated|agreed|established|introduced|appointed|held|delivered|completed|launched|published|developed|implemented|set up|started|begun|recruited|trained|issued|created|produced|consulted|engaged|taken steps)',
  '(?:is|are) (?:currently |now )?(?:reviewing|developing|updating|working|preparing|drafting|consulting|planning)',
  '(?:is|are) (?:planned|scheduled|underway|under way|in progress)',
  // A note with a deadline or in the passive infinitive ("Policy to be reviewed by March 2024").
  'to be \\w+(?:ed|en|wn)', 'by (?:the end of )?(?:january|february|march|april|may|june|july|august|september|october|november|december) \\d{4}',
]);

/** An action written as a note: a few words, then what was done ("Contract variation requested from the provider"). */
export const ACTION_NOTE = /^(?:[\w'’-]+ ){1,3}(?:requested|submitted|sent|drafted|arranged|booked|scheduled|completed|agreed)\b/i;

/** Verbs that open an action written bare or as a gerund ("Review the …", "Reviewing the …"). */
const ACTION_VERBS = [
  'review', 'deliver', 'ensure', 'set', 'share', 'look', 'develop', 'introduce', 'provide', 'update', 'agree', 'establish',
  'implement', 'monitor', 'work', 'engage', 'consider', 'explore', 'continue', 'undertake', 'carry', 'hold', 'brief', 'train',
  'issue', 'publish', 'create', 'complete', 'embed', 'recruit', 'appoint', 'produce', 'report', 'check', 'audit', 'raise',
  'refresh', 'reinforce', 'relaunch', 'roll', 'run', 'offer', 'identify', 'map', 'promote', 'revise', 'strengthen',
  'improve', 'increase', 'reduce', 'attend', 'invite', 'chair', 'write', 'draft', 'design', 'pilot', 'evaluate', 'analyse',
  'escalate', 'support', 'align', 'maintain', 'use', 'seek', 'bid',
];

/** What it would take: a gerund that opens such a clause ("Producing them … would be too expensive") is no action. */
export const HYPOTHETICAL = anyOf(['would', 'could']);

/** An action written as a bare verb or gerund at the start of a clause. */
export const ACTION_START = new RegExp(
  `^(?:[-•*·–]\\s*)?(?:${ACTION_VERBS.flatMap((v) => [v, `${v}s`, v.endsWith('e') ? `${v.slice(0, -1)}ing` : `${v}ing`]).join('|')}|setting)\\b`,
  'i',
);
