/**
 * A small draft plan as a text export with one error (rec 3 has no owner), one warning (rec 2's target date is
 * "Ongoing") and one reading note (rec 1's number is garbled, and inferred from order), for the tests of how
 * reading notes are shown and counted, and for the example of docs/cli.md.
 */
export const DRAFT_WITH_NOTES = [
  'Action Plan Submitted: 05/07/2023',
  '',
  'A Response to the HMI Probation Inspection: Westshire PDU',
  '',
  'Report Published: 20/06/2023',
  '',
  'ACTION PLAN: Westshire PDU',
  '',
  '1. Rec No\t2. Recommendation\t3. Agreed/ Partly Agreed/ Not Agreed\t4. Response Action Taken/Planned\t5. Responsible Owner\t6. Target Date',
  't i\tWestshire PDU should ensure that home visits are carried out in all domestic abuse cases\tAgreed\tIssue revised home visit guidance to all practitioners.\tHead of Operations\tAugust 2023',
  '2\tWestshire PDU should improve the recording of contact with people on probation\tAgreed\tDeliver recording standards workshops to all teams.\tQuality Lead\tOngoing',
  '3\tWestshire PDU should make sure that all staff complete domestic abuse training\tAgreed\tBook every practitioner onto domestic abuse training.\t\tDecember 2023',
  '',
].join('\n');
