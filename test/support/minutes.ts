/**
 * Minutes of a meeting of the test organisation (Olle, Ulla and Cora attend; SBB is
 * Samhällsbyggnad's abbreviation): an assignment with the next meeting as its deadline, a decision
 * without an owner, a unit's assignment with a date, and an open question. Read by the API and
 * the browser tests of minutes into a plan.
 */
export const MINUTES = [
  'Samrådsmöte om näringslivet',
  'Sammanträdesdatum 2026-11-10',
  '',
  'Närvarande: Olle, Ulla och Cora.',
  '',
  '§ 1 Företagsbesök',
  'Olle följer upp företagsbesöken till nästa möte.',
  '',
  '§ 2 Upphandling',
  'Det beslutades att upphandlingsplanen ska ses över.',
  'SBB tar fram en ny rutin senast 15 december 2026.',
  '',
  '§ 3 Lokaler',
  'Vem driver frågan om lokalförsörjning vidare?',
  '',
  'Nästa möte 2027-01-12',
].join('\n');
