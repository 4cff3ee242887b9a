import { matchOwner, OwnerDirectory } from './match-owner';

const directory: OwnerDirectory = {
  people: [
    { id: 'p-anders', name: 'Anders Stryhn' },
    { id: 'p-inger', name: 'Inger Hebsgaard' },
    { id: 'p-lene', name: 'Lene Østergaard' },
    { id: 'p-peter-l', name: 'Peter Laursen' },
    { id: 'p-peter-h', name: 'Peter Houkjær' },
    { id: 'p-anni', name: 'Anni Bang Jensen' },
    { id: 'p-anni-2', name: 'Anni Holm' },
  ],
  units: [
    { id: 'u-sbb', name: 'Samhällsbyggnad Bergslagen', abbreviation: 'SBB' },
    { id: 'u-uhc', name: 'Upphandlingscenter', abbreviation: 'UhC' },
    { id: 'u-koord', name: 'Koordineringsgruppen' },
  ],
  attendees: ['Anders Stryhn', 'Peter Laursen', 'Anni Bang Jensen', 'Inger Hebsgaard'],
};

describe('matchOwner', () => {
  it('a full name matches its person, whatever the case and spacing', () => {
    expect(matchOwner('Lene Østergaard', directory)).toEqual({ personId: 'p-lene' });
    expect(matchOwner(' anders  STRYHN ', directory)).toEqual({ personId: 'p-anders' });
  });

  it('a first name matches when unique among the attendees and among the people', () => {
    expect(matchOwner('Anders', directory)).toEqual({ personId: 'p-anders' });
    expect(matchOwner('Inger', directory)).toEqual({ personId: 'p-inger' });
  });

  it('a first name shared by two people in the organisation stays unmatched, even if one attended', () => {
    expect(matchOwner('Peter', directory)).toEqual({ unmatched: 'Peter' });
    expect(matchOwner('Anni', directory)).toEqual({ unmatched: 'Anni' });
  });

  it('a first name of someone who did not attend stays unmatched (Lene sent apologies)', () => {
    expect(matchOwner('Lene', directory)).toEqual({ unmatched: 'Lene' });
  });

  it('units match by name or abbreviation, case-insensitively', () => {
    expect(matchOwner('SBB', directory)).toEqual({ unitId: 'u-sbb' });
    expect(matchOwner('UhC', directory)).toEqual({ unitId: 'u-uhc' });
    expect(matchOwner('av SBB', directory)).toEqual({ unitId: 'u-sbb' });
    expect(matchOwner('koordineringsgruppen', directory)).toEqual({ unitId: 'u-koord' });
  });

  it('several owners or unknown ones stay unmatched, as written', () => {
    expect(matchOwner('Anitta og Inger', directory)).toEqual({ unmatched: 'Anitta og Inger' });
    expect(matchOwner('Ad-hoc gruppen', directory)).toEqual({ unmatched: 'Ad-hoc gruppen' });
  });
});
