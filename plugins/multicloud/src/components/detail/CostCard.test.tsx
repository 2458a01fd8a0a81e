import { screen } from '@testing-library/react';
import { makeCluster, mockApi } from '../../__testUtils__/clusters';
import { makeDetailCost } from '../../__testUtils__/insights';
import { renderWithApi } from '../../__testUtils__/render';
import { CostCard } from './CostCard';
import { bodyRows } from '../../__testUtils__/tableRows';

const cluster = makeCluster('trustram-aws-cluster', {
  region: 'us-west-2',
  controlPlane: {
    kind: 'AWSManagedControlPlane',
    managed: 'eks',
    replicas: { desired: 0, ready: 0, available: 0, upToDate: 0 },
  },
  workerPools: [
    {
      name: 'trustram-aws-cluster-md-0',
      kind: 'MachineDeployment',
      replicas: { desired: 4, ready: 4, available: 4, upToDate: 4 },
      instanceType: 'm5.xlarge',
    },
    {
      name: 'trustram-aws-cluster-md-1',
      kind: 'MachineDeployment',
      replicas: { desired: 2, ready: 2, available: 2, upToDate: 2 },
      instanceType: 'm5.xlarge',
    },
  ],
});

function rows() {
  return bodyRows(screen.getByRole('table', { name: 'Cost breakdown' }));
}

describe('CostCard', () => {
  it('breaks the cost down per machine group with each price and where it comes from', async () => {
    renderWithApi(
      <CostCard cost={makeDetailCost()} cluster={cluster} />,
      mockApi({}),
    );
    expect(
      await screen.findByText('Prices from the snapshot of 2026-01-15'),
    ).toBeInTheDocument();
    expect(screen.getByText(/\$1\.25\/h · \$914\/month/)).toHaveTextContent(
      '(estimated: some prices are fallbacks)',
    );
    expect(rows()).toEqual([
      [
        '6 × m5.xlarge',
        'trustram-aws-cluster-md-0, trustram-aws-cluster-md-1',
        '6',
        '$0.192',
        '$1.15',
        '$841',
        // The source links out; Backstage's Link says so to screen readers.
        'fallback: estimated: us-east-1 price used for us-west-2 · karpenter-aws-pricing, Opens in a new window',
      ],
      [
        'EKS control plane',
        'control plane',
        '1',
        '$0.10',
        '$0.10',
        '$73.00',
        'exact · aws-eks-pricing',
      ],
    ]);
    expect(
      screen.getByRole('link', { name: /^karpenter-aws-pricing/ }),
    ).toHaveAttribute('href', 'https://example.com/pricing.go');
  });

  it('shows an unknown price as unknown and the total as partial, never as $0', async () => {
    const cost = makeDetailCost({
      perHour: 0.1,
      perMonth: 73,
      provenance: 'partial',
      unknownLines: 1,
    });
    cost.lines[0] = {
      ...cost.lines[0],
      unitPerHour: null,
      perHour: null,
      perMonth: null,
      provenance: 'unknown',
      note: 'no price for m5.xlarge in us-west-2',
    };
    renderWithApi(<CostCard cost={cost} cluster={cluster} />, mockApi({}));
    expect(
      await screen.findByText(/\$0\.10\/h · \$73\.00\/month/),
    ).toHaveTextContent(
      '(partial: some prices are unknown and left out; 1 line has no price)',
    );
    expect(rows()[0].slice(3, 7)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown: no price for m5.xlarge in us-west-2 · karpenter-aws-pricing, Opens in a new window',
    ]);
  });

  it('says when there is no estimate', async () => {
    renderWithApi(<CostCard cost={null} cluster={cluster} />, mockApi({}));
    expect(
      await screen.findByText('No cost estimate for this cluster.'),
    ).toBeInTheDocument();
  });
});
