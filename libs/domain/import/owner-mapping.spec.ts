import { mapOwners, mapPreviewOwners } from './owner-mapping';
import type { PlanImportPreview } from './types';

const directory = {
  units: [
    { id: 'u-upph', name: 'Upphandling' },
    { id: 'u-kultur', name: 'Kultur' },
  ],
  people: [{ id: 'p-anders', name: 'Anders Andersson' }],
};

describe('owners from a plan document mapped to the organisation chart', () => {
  it('by name in any case, units before people; the rest unmatched', () => {
    expect(mapOwners(['upphandling', ' Anders Andersson ', 'KSO'], directory)).toEqual({ unitIds: ['u-upph'], personIds: ['p-anders'], unmatched: ['KSO'] });
  });

  it("the coordinator's choice for a row replaces what was read; an owner that does not exist is refused", () => {
    const preview = { format: 'csv', warnings: [], areas: [{ title: 'Inköp', actions: [{ title: 'Möte', when: 'Q1', owners: ['KSO'], schedule: { kind: 'once', rule: null, due: [], warnings: [] } }] }] } as unknown as PlanImportPreview;
    const mapped = mapPreviewOwners(preview, [{ area: 0, row: 0, ownerUnitIds: ['u-kultur'] }], directory);
    expect(mapped.areas[0].actions[0].ownerMapping).toEqual({ unitIds: ['u-kultur'], personIds: [], unmatched: [] });
    expect(() => mapPreviewOwners(preview, [{ area: 0, row: 0, ownerPersonIds: ['p-nobody'] }], directory)).toThrow(expect.objectContaining({ code: 'UNPROCESSABLE' }));
  });
});
