import { YamlPatch } from './yamlPatch';

const SOURCE = `# a comment that must stay
apiVersion: v1
kind: A
metadata:
  name: a    # odd spacing stays too
  annotations:
    x: "1"   # keep me
spec:
  list: [1,   2]
  replicas: 3
---
kind: B
metadata: {name: b}
`;

describe('YamlPatch', () => {
  it('replaces a scalar in place, keeping its quoting and every other byte', () => {
    const patch = new YamlPatch(SOURCE, 'f.yaml');
    expect(patch.set(0, ['metadata', 'annotations', 'x'], '2')).toBe(true);
    expect(patch.set(0, ['spec', 'replicas'], 5)).toBe(true);
    expect(patch.text).toBe(
      SOURCE.replace('x: "1"', 'x: "2"').replace('replicas: 3', 'replicas: 5'),
    );
  });

  it('reports no change for the value already set', () => {
    const patch = new YamlPatch(SOURCE, 'f.yaml');
    expect(patch.set(0, ['spec', 'replicas'], 3)).toBe(false);
    expect(patch.text).toBe(SOURCE);
  });

  it('inserts missing keys as new lines of the nearest block map', () => {
    const patch = new YamlPatch(SOURCE, 'f.yaml');
    patch.set(0, ['metadata', 'annotations', 'example.io/min'], '3');
    patch.set(0, ['spec', 'template', 'spec', 'version'], 'v1.34.0');
    expect(patch.text).toBe(
      SOURCE.replace(
        '    x: "1"   # keep me\n',
        '    x: "1"   # keep me\n    example.io/min: "3"\n',
      ).replace(
        '  replicas: 3\n',
        '  replicas: 3\n  template:\n    spec:\n      version: v1.34.0\n',
      ),
    );
    expect(patch.objects()[0].spec.template.spec.version).toBe('v1.34.0');
  });

  it('falls back to the Document API for flow maps, keeping comments', () => {
    const patch = new YamlPatch(SOURCE, 'f.yaml');
    patch.set(1, ['metadata', 'namespace'], 'ns');
    expect(patch.objects()[1].metadata).toEqual({ name: 'b', namespace: 'ns' });
    expect(patch.text).toContain('# a comment that must stay');
    expect(patch.text).toContain('# keep me');
  });

  it('names the file of a YAML error', () => {
    expect(() => new YamlPatch('a: [1,', 'broken.yaml').objects()).toThrow(
      /^broken.yaml: /,
    );
  });
});

describe('YamlPatch.append', () => {
  const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api # the service
spec:
  type: service
  dependsOn:
    - resource:default/db
  owner: team-a
`;

  it('appends to a block list in its own indentation', () => {
    const patch = new YamlPatch(CATALOG, 'catalog-info.yaml');
    expect(
      patch.append(
        0,
        ['spec', 'dependsOn'],
        ['resource:default/aws-1', 'resource:default/gcp-1'],
      ),
    ).toBe(true);
    expect(patch.text).toBe(
      CATALOG.replace(
        '    - resource:default/db\n',
        '    - resource:default/db\n    - resource:default/aws-1\n    - resource:default/gcp-1\n',
      ),
    );
  });

  it('creates the list under its map when missing', () => {
    const source = CATALOG.replace(
      '  dependsOn:\n    - resource:default/db\n',
      '',
    );
    const patch = new YamlPatch(source, 'catalog-info.yaml');
    patch.append(0, ['spec', 'dependsOn'], ['resource:default/aws-1']);
    expect(patch.text).toBe(
      source.replace(
        '  owner: team-a\n',
        '  owner: team-a\n  dependsOn:\n    - resource:default/aws-1\n',
      ),
    );
  });

  it('extends a flow list through the Document API', () => {
    const patch = new YamlPatch(
      CATALOG.replace(
        '  dependsOn:\n    - resource:default/db\n',
        '  dependsOn: []\n',
      ),
      'c.yaml',
    );
    patch.append(0, ['spec', 'dependsOn'], ['resource:default/x']);
    expect(patch.objects()[0].spec.dependsOn).toEqual(['resource:default/x']);
    expect(patch.text).toContain('# the service');
  });
});
