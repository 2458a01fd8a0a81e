import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  clusterEntityName,
  clusterEntityNameOf,
  clusterFromEntityName,
} from './clusterEntityName';

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

  it('names clusters of several management clusters apart, and others as before', () => {
    const eu = clusterEntityNameOf({
      ref: 'eu/default/prod',
      namespace: 'default',
      name: 'prod',
      managementCluster: 'eu',
    });
    const us = clusterEntityNameOf({
      ref: 'us/default/prod',
      namespace: 'default',
      name: 'prod',
      managementCluster: 'us',
    });
    expect([eu, us]).toEqual(['eu--default--prod', 'us--default--prod']);
    expect(
      clusterEntityNameOf({
        ref: 'default/prod',
        namespace: 'default',
        name: 'prod',
        managementCluster: 'eu',
      }),
    ).toBe('prod');
    const long = 'x'.repeat(70);
    expect(clusterEntityName('default', long, 'eu')).not.toBe(
      clusterEntityName('default', long, 'us'),
    );
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
