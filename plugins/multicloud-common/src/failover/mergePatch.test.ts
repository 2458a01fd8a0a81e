import fc from 'fast-check';
import { applyMergePatch, revertPatch, unappliedPart } from './mergePatch';
import type { MergePatch } from './types';

const md = {
  metadata: {
    name: 'md-0',
    resourceVersion: '7',
    annotations: { a: '1', keep: 'x' },
  },
  spec: { replicas: 3 },
};

describe('merge patch helpers', () => {
  it('unappliedPart keeps only what differs, and nothing when done', () => {
    const patch: MergePatch = {
      metadata: { annotations: { a: '1', b: '2', gone: null } },
      spec: { replicas: 6 },
    };
    expect(unappliedPart(md, patch)).toEqual({
      metadata: { annotations: { b: '2' } },
      spec: { replicas: 6 },
    });
    expect(unappliedPart(applyMergePatch(md, patch), patch)).toBeUndefined();
    expect(
      unappliedPart(md, { metadata: { annotations: { keep: null } } }),
    ).toEqual({ metadata: { annotations: { keep: null } } });
  });

  it('revertPatch records the previous values, null for absent fields', () => {
    const patch: MergePatch = {
      metadata: { annotations: { a: '9', b: '2' } },
      spec: { replicas: 6 },
    };
    expect(revertPatch(md, patch)).toEqual({
      metadata: { annotations: { a: '1', b: null } },
      spec: { replicas: 3 },
    });
  });

  const scalar = fc.oneof(
    fc.constantFrom('a', 'b', '0', '100'),
    fc.integer({ min: 0, max: 9 }),
    fc.constant(null),
  );
  const key = fc.constantFrom('x', 'y', 'z');
  const tree: fc.Arbitrary<MergePatch> = fc.letrec<{ node: MergePatch }>(
    tie => ({
      node: fc.dictionary(
        key,
        fc.oneof({ depthSize: 'small' }, scalar, tie('node')),
        { maxKeys: 3 },
      ) as fc.Arbitrary<MergePatch>,
    }),
  ).node;

  it('applying the unapplied part satisfies the whole patch; reverting restores every patched field', () => {
    fc.assert(
      fc.property(tree, tree, (object, patch) => {
        const base = applyMergePatch({}, object); // a JSON object without nulls
        const full = applyMergePatch(base, patch);
        const part = unappliedPart(base, patch);
        expect(
          unappliedPart(part ? applyMergePatch(base, part) : base, patch),
        ).toBeUndefined();
        expect(unappliedPart(full, patch)).toBeUndefined();
        const restored = applyMergePatch(full, revertPatch(base, patch));
        expect(
          unappliedPart(restored, revertPatch(base, patch)),
        ).toBeUndefined();
      }),
    );
  });
});
