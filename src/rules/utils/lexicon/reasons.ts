/**
 * The words by which a Partly Agreed or Not Agreed response shows its reason to be one of the template's four
 * kinds. docs/rules/partly-agreed-reason.md explains each choice; keep the two in step.
 */

/** The template's four kinds of reason, in the order the template names them. */
export const REASON_CATEGORIES = ['commissioning', 'policy', 'operational', 'affordability'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** A case-insensitive regex that matches any of `terms` as whole words (a term may start with a sign, as "£5"). */
function words(terms: readonly string[], tail = ''): RegExp {
  return new RegExp(`(?<!\\w)(?:${terms.join('|')})${tail}(?!\\w)`, 'gi');
}

/**
 * A noun that often follows a reason word ("financial constraint", "information security requirements"); it is
 * taken into the quoted words so that the finding shows the phrase, not a lone adjective.
 */
const REASON_NOUN = '(?:\\s+(?:constraints?|pressures?|reasons?|requirements?|restrictions?|limitations?|implications?|considerations?|issues?))?';

/** The category's own name and its word family: a response that uses one states the category. */
const STATED: Record<ReasonCategory, RegExp> = {
  commissioning: words(['commission(?:s|ed|ing|ers?)?']),
  policy: words(['polic(?:y|ies)']),
  operational: words(['operational(?:ly)?']),
  affordability: words(['afford(?:s|ed|able|ability)?', 'unaffordab(?:le|ility)']),
};

/** Words that imply the category without naming it. */
const IMPLIED: Record<ReasonCategory, RegExp> = {
  commissioning: words(
    ['contract(?:s|ed|ual|ually|ors?)?', 'sub-?contract\\w*', 'providers?', 'tender(?:s|ed|ing)?', 'procure(?:d|ment)?',
      'suppliers?', 'outsourc(?:e|ed|ing)', 'charit(?:y|ies)', 'voluntary sector', 'third[- ]part(?:y|ies)(?! information| data)', 'dynamic framework',
      'crs', 'service specifications?', 'service level agreements?'],
    REASON_NOUN,
  ),
  policy: words(
    ['legislat(?:ion|ive)', 'statut(?:e|es|ory)', 'laws?', 'legal(?:ly)?',
      'national (?:\\w+ )?(?:guidance|standards?|requirements?|direction|model|instructions?|rules)',
      'information security', 'data protection', 'gdpr', 'regulations?', 'regulatory', 'ministerial', 'mandat(?:e|ed|ory)',
      'rules(?! out)', 'guidance', 'act \\d{4}', 'probation instructions?', 'policy framework', 'national (?:\\w+ )?framework',
      'secretary of state', 'ministers?', 'ministry of justice', 'parole board',
      'the (?:\\w+ ){1,3}act(?! on| as| upon| quickly)'],
    REASON_NOUN,
  ),
  operational: words(
    ['capacity', 'staffing', 'staff (?:shortages?|numbers|levels|sickness|absences?)', 'workloads?', 'caseloads?',
      'vacanc(?:y|ies)', 'vacant', 'unfilled', 'posts? empty', 'recruitment', 'turnover', 'sickness', 'shortages?', 'vett(?:ed|ing)',
      'practical(?:ity|ities|ly)?', 'impractical', '(?:un)?workable', 'feasib(?:le|ility)', 'infeasible', 'unfeasible',
      'logistic(?:s|al|ally)', 'systems?', 'networks?', 'infrastructure', 'technolog(?:y|ies|ical)', 'equipment',
      'workforce', 'headcount', 'n?delius', 'estates?', '(?<!approved )premises', 'buildings?', '(?<!home )offices?', 'rotas?', 'fully booked',
      'working hours', 'travelling', '(?:little|no|enough) time', "(?:practitioner|staff|officer|management)s?['’]? time",
      '(?:only (?:one|two|a few)|too few|few|fewer|no|enough|sufficient) (?:\\w+ ){0,2}(?:staff|practitioners?|officers?|assessors?|facilitators?|managers?|rooms?|posts?)',
      '(?:number|numbers|volume) of (?:staff|practitioners|officers|probation officers|people|cases|referrals)',
      'not enough (?:trained |qualified |vetted )?(?:staff|practitioners|assessors|facilitators|officers)',
      '(?:absence|lack|loss|shortage) of (?:a |an |the )?(?:\\w+ ){0,3}(?:staff|practitioners?|officers?|managers?|workers?|facilitators?|assessors?)',
      "(?:cannot|can['’]t|unable to|not) staff"],
    REASON_NOUN,
  ),
  affordability: words(
    ['(?:recruitment|pay|spending) freeze', 'fund(?:s|ed|ing)?', 'unfunded', 'financ(?:e|es|ial|ially)', 'cost(?:s|ly|ing)?', 'budget(?:s|ary)?',
      'resourc(?:e|es|ed|ing)', 'money', 'expens(?:e|es|ive)', 'spending', 'savings', 'invest(?:ment|ments)?', 'business case',
      '(?:funding |financial |budget )?allocation for (?:20)?\\d\\d', "(?:region|pdu|division)['’]s allocation", '£\\d[\\d,.]*'],
    REASON_NOUN,
  ),
};

/**
 * Operational words that name a place, not a reason: in a clause that nothing ties to the decision ("the team
 * sits in the same building") they are not even a mention of the category.
 */
export const PLACE_WORDS = /^(?:premises|buildings?|offices?|rotas?)$/i;

/** One category a reason reads as, with the document's words that show it. */
export interface ReasonHit {
  category: ReasonCategory;
  /** The first words found for it, as written. */
  words: string;
  /** True when the category is named (or its word family used), not only implied. */
  stated: boolean;
}

/** The categories that `texts` give as reasons, in the order they first appear; a stated hit wins over an implied one. */
export function classifyReasons(texts: readonly string[]): ReasonHit[] {
  const hits: Array<ReasonHit & { at: number }> = [];
  texts.forEach((text, t) => {
    for (const category of REASON_CATEGORIES) {
      for (const [stated, re] of [[true, STATED[category]], [false, IMPLIED[category]]] as const) {
        re.lastIndex = 0;
        const m = re.exec(text);
        if (!m) continue;
        const at = t * 1e9 + m.index;
        const known = hits.find((h) => h.category === category);
        if (!known) hits.push({ category, words: m[0], stated, at });
        else if (stated && !known.stated) Object.assign(known, { words: m[0], stated, at });
        else if (stated === known.stated && at < known.at) Object.assign(known, { words: m[0], at });
      }
    }
  });
  return hits.sort((a, b) => a.at - b.at).map(({ category, words: w, stated }) => ({ category, words: w, stated }));
}
