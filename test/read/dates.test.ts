import { describe, expect, it } from 'vitest';
import { parseDue, parsePlanDate } from '../../src/read/dates.js';

describe('parsePlanDate', () => {
  it.each([
    ['30th May 2019', '2019-05-30'],
    ['28/02/2020', '2020-02-28'],
    ['27<sup>th</sup> June 2022.', '2022-06-27'],
    ['May 30, 2019', '2019-05-30'],
    ['2019-05-30', '2019-05-30'],
    ['31/02/2020', null],
    ['May 2019', null],
    ['to follow', null],
  ])('%s → %s', (text, iso) => expect(parsePlanDate(text)).toBe(iso));
});

describe('parseDue', () => {
  it.each([
    ['Complete', null, 'complete'],
    ['Completed', null, 'complete'],
    ['Complete and ongoing', null, 'complete'],
    ['Completed (and April 2024)', '2024-04', 'complete'],
    ['Ongoing', null, 'ongoing'],
    ['May 2019 and ongoing', '2019-05', 'planned'],
    ['June 2019', '2019-06', 'planned'],
    ['To be reviewed February 2022', '2022-02', 'planned'],
    ['Commencing June 2022 (24-month project)', '2022-06', 'planned'],
    ['End of Quarter 3 2019/20', '2019-12', 'planned'],
    ['Q4 2020/21', '2021-03', 'planned'],
    ['Sept 2022', '2022-09', 'planned'],
    ['Mar-20', '2020-03', 'planned'],
    ['31/03/2020', '2020-03-31', 'planned'],
    ['March 2020 July 2020', '2020-07', 'planned'],
    ['To be completed by June 2020', '2020-06', 'planned'],
    ['TBC', null, 'unknown'],
    ['ASAP', null, 'unknown'],
    ['Monthly', null, 'unknown'],
    ['2020/21', null, 'unknown'],
  ])('%s → %s, %s', (raw, date, status) => expect(parseDue(raw)).toEqual({ raw, date, status }));

  it('gives null for an empty or dash cell', () => {
    expect(parseDue('')).toBeNull();
    expect(parseDue(' – ')).toBeNull();
  });
});
