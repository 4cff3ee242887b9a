import { groupsOf, rolesAfterSignIn } from './provider-roles';

describe('roles from the provider’s groups', () => {
  const map = [
    { group: 'bevaka-samordnare', role: 'coordinator' },
    { group: 'bevaka-admin', role: 'admin' },
    { group: 'ledning', role: 'coordinator' },
  ];

  it('grants the mapped roles of the groups the person is in', () => {
    expect(rolesAfterSignIn([], ['bevaka-samordnare', 'okänd-grupp'], map).sort()).toEqual(['coordinator']);
    expect(rolesAfterSignIn([], ['bevaka-admin', 'ledning'], map).sort()).toEqual(['admin', 'coordinator']);
  });

  it('takes away a mapped role when the group is gone, and keeps roles the map does not name', () => {
    expect(rolesAfterSignIn(['coordinator', 'owner', 'executive'], [], map).sort()).toEqual(['executive', 'owner']);
  });

  it('gives each role once', () => {
    expect(rolesAfterSignIn(['coordinator'], ['bevaka-samordnare', 'ledning'], map)).toEqual(['coordinator']);
  });

  it('reads the groups claim as a list, a single value or nothing', () => {
    expect(groupsOf(['a', 7, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf(undefined)).toEqual([]);
  });
});
