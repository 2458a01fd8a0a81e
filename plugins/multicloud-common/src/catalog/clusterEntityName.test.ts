import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { clusterEntityName, clusterFromEntityName } from './clusterEntityName';

describe('clusterEntityName', () => {
  it('keeps names of clusters in the default namespace', () => {
    expect(clusterEntityName('default', 'trustram-aws-cluster')).toBe(
      'trustram-aws-cluster',
    );
  });

  it('prefixes other namespaces so equal names in two namespaces do not collide', () => {
    const a = clusterEntityName('team-a', 'prod');
    const b = clusterEntityName('team-b', 'prod');
    expect(a).toBe('team-a--prod');
    expect(a).not.toBe(b);
  });

  it('shortens long names to a valid, stable, distinct name', () => {
    const long = 'x'.repeat(70);
    const a = clusterEntityName('team-payments', long);
    const b = clusterEntityName('team-search', long);
    for (const n of [a, b]) {
      expect(n.length).toBeLessThanOrEqual(63);
      expect(KubernetesValidatorFunctions.isValidObjectName(n)).toBe(true);
    }
    expect(a).not.toBe(b);
    expect(clusterEntityName('team-payments', long)).toBe(a);
  });

  it('reverses names it did not shorten', () => {
    for (const [namespace, name] of [
      ['default', 'trustram-aws-cluster'],
      ['team-a', 'prod'],
    ]) {
      expect(clusterFromEntityName(clusterEntityName(namespace, name))).toEqual(
        { namespace, name },
      );
    }
  });
});
