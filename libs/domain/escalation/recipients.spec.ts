import { noticeRecipients, RecipientContext } from './recipients';

// Kommunledning (Kim) above Samhällsbyggnad (Ulla), where Olle owns; Cora coordinates.
const base: RecipientContext = {
  ownerPersonIds: ['olle'],
  ownerUnitHeads: [],
  chain: [
    { unitId: 'sbk', headPersonId: 'ulla' },
    { unitId: 'kl', headPersonId: 'kim' },
  ],
  substitutes: [],
  coordinators: ['cora'],
  today: '2026-07-01',
};

describe('who hears of a notice', () => {
  it('reminders and the overdue notice go to the owners and the heads of owner units', () => {
    expect(noticeRecipients(undefined, base)).toEqual({ personIds: ['olle'] });
    expect(noticeRecipients(undefined, { ...base, ownerPersonIds: [], ownerUnitHeads: ['ulla'] })).toEqual({ personIds: ['ulla'] });
  });

  it('escalation step i goes i+1 heads up; past the top the kommunchef stays the target', () => {
    expect(noticeRecipients(0, base)).toEqual({ personIds: ['ulla'], unitId: 'sbk' });
    expect(noticeRecipients(1, base)).toEqual({ personIds: ['kim'], unitId: 'kl' });
    expect(noticeRecipients(5, base)).toEqual({ personIds: ['kim'], unitId: 'kl' });
  });

  it('a substitute of the day stands in for anyone on the way', () => {
    const leave = { ...base, substitutes: [{ personId: 'ulla', substitutePersonId: 'uno', startsOn: '2026-06-20', endsOn: '2026-07-10' }] };
    expect(noticeRecipients(0, leave)).toEqual({ personIds: ['uno'], unitId: 'sbk' });
    expect(noticeRecipients(0, { ...leave, today: '2026-07-11' })).toEqual({ personIds: ['ulla'], unitId: 'sbk' });
  });

  it('nobody owns it, or nobody is above: the coordinators hear of it (balanslista)', () => {
    expect(noticeRecipients(undefined, { ...base, ownerPersonIds: [] })).toEqual({ personIds: ['cora'] });
    expect(noticeRecipients(0, { ...base, chain: [] })).toEqual({ personIds: ['cora'] });
  });

  it('deactivated people hear of nothing: a deactivated head is passed over, a deactivated substitute stands in for nobody', () => {
    expect(noticeRecipients(0, { ...base, inactive: ['ulla'] })).toEqual({ personIds: ['kim'], unitId: 'kl' });
    expect(noticeRecipients(undefined, { ...base, inactive: ['olle'] })).toEqual({ personIds: ['cora'] });
    const leave = { ...base, substitutes: [{ personId: 'ulla', substitutePersonId: 'uno', startsOn: '2026-06-20', endsOn: '2026-07-10' }], inactive: ['uno'] };
    expect(noticeRecipients(0, leave)).toEqual({ personIds: ['ulla'], unitId: 'sbk' });
    expect(noticeRecipients(undefined, { ...base, ownerPersonIds: [], coordinators: ['cora', 'cecilia'], inactive: ['cora'] })).toEqual({ personIds: ['cecilia'] });
  });
});
