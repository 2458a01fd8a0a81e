import { ownersFromOwnership } from './useMyOwners';

describe('ownersFromOwnership', () => {
  it('maps group refs to owner label values and ignores users and malformed refs', () => {
    expect(
      ownersFromOwnership([
        'user:default/ada',
        'group:default/team-payments',
        'Group:default/platform',
        'group:other/team-search',
        'not a ref:::',
      ]),
    ).toEqual(['platform', 'team-payments', 'team-search']);
  });
});
