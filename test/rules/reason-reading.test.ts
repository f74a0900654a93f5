import { describe, expect, it } from 'vitest';
import { clauses, readReasons, sentences } from '../../src/rules/utils/reason-reading.js';

/** The tied and untied words of a response, as `category 'words' by 'link'`. */
function read(response: string, agreementRaw = 'Partly agreed'): { tied: string[]; untied: string[] } {
  const { tied, untied } = readReasons(agreementRaw, response);
  return {
    tied: tied.map((w) => `${w.category} '${w.words}' by '${w.link}'`),
    untied: untied.map((w) => `${w.category} '${w.words}'`),
  };
}

describe('sentences and clauses', () => {
  it('splits at a full stop before a capital, not inside "e.g. shift"', () => {
    expect(sentences('Shared e.g. shift changes. Reviewing the way. 2 more!  Done')).toEqual(['Shared e.g. shift changes.', 'Reviewing the way.', '2 more!', 'Done']);
  });

  it('splits a sentence at semicolons, colons, ", and", "but" and a relative clause', () => {
    expect(clauses('The estate is full; rooms are shared: we agree, and will act but slowly, which the PDU accepts')).toEqual([
      'The estate is full',
      'rooms are shared',
      'we agree',
      'and will act',
      'but slowly',
      'which the PDU accepts',
    ]);
  });
});

describe('readReasons', () => {
  it('ties a reason by the cause word before or after it', () => {
    expect(read('The probation estate is full, so group work will run elsewhere.').tied).toEqual(["operational 'estate' by 'so'"]);
    expect(read('Given the budget settlement, only one office will open.').tied).toEqual(["affordability 'budget' by 'Given'"]);
    expect(read('Weekend opening will not be offered because of financial pressures.').tied).toEqual(["affordability 'financial pressures' by 'because of'"]);
  });

  it('takes what follows "as" or "because" as a reason even in the future tense, but not an action before "so"', () => {
    expect(read('Weekend opening cannot continue, as funding for the scheme will end in March 2024.').tied).toEqual([
      "affordability 'funding' by 'as'",
    ]);
    expect(read('We will review the contract with the provider so staff know what to expect.')).toEqual({ tied: [], untied: [] });
  });

  it('reads notes without a verb, and deadlines, as actions', () => {
    expect(read('Policy to be reviewed by March 2024. Contract variation requested from the provider. Budget report by June 2024.')).toEqual({
      tied: [],
      untied: [],
    });
  });

  it('ties a fact by a refusal, a lack or a constraint in it, or in its sentence', () => {
    expect(read('There is no funding for a second post.').tied).toEqual(["affordability 'funding' by 'no'"]);
    expect(read('Recall is set by national guidance.').tied).toEqual(["policy 'national guidance' by 'set by'"]);
    expect(read('The deadline is statutory guidance, and the PDU will meet it, but it will not add more.').tied).toEqual([
      "policy 'statutory' by 'not'",
    ]);
  });

  it('ignores category words in actions, bare or gerund, unless the action is refused', () => {
    expect(read('We will review the contract. Reviewing the policy on staffing. Update the budget by June.')).toEqual({ tied: [], untied: [] });
    expect(read('The PDU will not change the contract.').tied).toEqual(["commissioning 'contract' by 'not'"]);
    expect(read('Producing leaflets in every language would be too expensive.').tied).toEqual(["affordability 'expensive' by 'too'"]);
  });

  it('keeps category words of a bare fact as untied, but not a place named in passing', () => {
    expect(read('The policy team has been told. The contract team sits in the same building as the PDU.')).toEqual({
      tied: [],
      untied: ["policy 'policy'", "commissioning 'contract'"],
    });
  });

  it('takes the category in the agreement cell as tied by the marking', () => {
    expect(read('Briefings will be given.', 'Partly agreed (commissioning)').tied).toEqual(["commissioning 'commissioning' by 'Partly agreed (commissioning)'"]);
  });
});
