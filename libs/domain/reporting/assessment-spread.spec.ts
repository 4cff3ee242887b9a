import { assessmentSpread, isAssessed, spreadMovement } from './assessment-spread';

const report = (assessment: string | null) => ({ statusReport: { assessment: assessment as never } });

describe('assessment spread: the board chart per area', () => {
  const areas = [
    { title: 'Företagsklimat', actions: [report('completed'), report('on-track'), report('on-track'), report(null)] },
    { title: '', actions: [report('deviation'), {}] },
  ];

  it('counts every action once, an unassessed one as none', () => {
    const [first, second] = assessmentSpread(areas);
    expect(first).toEqual({ area: 'Företagsklimat', counts: { completed: 1, 'on-track': 2, 'at-risk': 0, deviation: 0, 'not-started': 0, none: 1 } });
    expect(second.counts).toMatchObject({ deviation: 1, none: 1 });
  });

  it('knows a report frozen before rounds has no assessments', () => {
    expect(isAssessed(areas)).toBe(true);
    expect(isAssessed([{ title: 'A', actions: [{}, {}] }])).toBe(false);
  });

  it('says how each area moved since the previous report, a new area from nothing', () => {
    const now = assessmentSpread(areas);
    const before = assessmentSpread([{ title: 'Företagsklimat', actions: [report('on-track'), report('at-risk'), report('at-risk'), report('not-started')] }]);
    const [first, second] = spreadMovement(now, before);
    expect(first.change).toEqual({ completed: 1, 'on-track': 1, 'at-risk': -2, deviation: 0, 'not-started': -1, none: 1 });
    expect(second.change).toMatchObject({ deviation: 1, none: 1, completed: 0 });
  });
});
