import { webLinkFor } from './web-links';

describe('webLinkFor', () => {
  const base = 'https://bevaka.kommun.se';

  it('links to the most precise item there is', () => {
    expect(webLinkFor({ occurrenceId: 'o1', actionId: 'a1', planId: 'p1' }, base)).toBe(`${base}/occurrences/o1`);
    expect(webLinkFor({ occurrenceId: null, actionId: 'a1', planId: 'p1' }, base)).toBe(`${base}/actions/a1`);
    expect(webLinkFor({ planId: 'p1' }, base)).toBe(`${base}/plans/p1`);
    expect(webLinkFor({}, base)).toBe(`${base}/`);
  });
});
