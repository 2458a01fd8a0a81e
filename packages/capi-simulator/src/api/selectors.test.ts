import {
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

describe('label selectors', () => {
  const labels = {
    app: 'web',
    tier: 'frontend',
    'cluster.x-k8s.io/control-plane': '',
  };
  const matches = (selector: string) =>
    matchesLabels(labels, parseLabelSelector(selector));

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['app in (db, web)', true],
    ['app notin (db,web)', false],
    ['missing notin (x)', true],
    ['cluster.x-k8s.io/control-plane', true],
    ['!cluster.x-k8s.io/control-plane', false],
    ['!missing', true],
    ['app=web,tier in (frontend),!missing', true],
    ['app=web,tier=backend', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('rejects malformed selectors with 400', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});

describe('field selectors', () => {
  it('supports metadata.name and metadata.namespace only', () => {
    expect(parseFieldSelector('metadata.name=a,metadata.namespace!=b')).toEqual(
      [
        { field: 'metadata.name', op: 'eq', value: 'a' },
        { field: 'metadata.namespace', op: 'neq', value: 'b' },
      ],
    );
    expect(() => parseFieldSelector('status.phase=Running')).toThrow(
      /field label not supported/,
    );
  });
});
