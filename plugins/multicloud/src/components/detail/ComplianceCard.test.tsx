import { fireEvent, screen, within } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/clusters';
import {
  DISK_ENCRYPTION_FAILURE,
  makeCheck,
  makeReport,
} from '../../__testUtils__/insights';
import { renderWithApi } from '../../__testUtils__/render';
import { ComplianceCard } from './ComplianceCard';

describe('ComplianceCard', () => {
  it('lists failures first with their evidence, rule and remediation', async () => {
    const report = makeReport('default/search-gcp', [DISK_ENCRYPTION_FAILURE]);
    report.checks.push(
      makeCheck('autoscaler-bounds', 'not-applicable', {
        title: 'Autoscaler bounds',
        severity: 'low',
      }),
    );
    renderWithApi(<ComplianceCard compliance={report} />, mockApi({}));
    expect(
      await screen.findByText('Not compliant: 1 of 2 applicable checks fail'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Compliance checks' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringContaining(
        'Node disk encryption · high · fail: No node configuration encrypts its disks.',
      ),
      expect.stringContaining(
        'Highly available control plane in production · high · pass',
      ),
      expect.stringContaining('Autoscaler bounds · low · not applicable'),
    ]);
    expect(within(items[0]).getByTitle('Fail')).toBeInTheDocument();
    expect(within(items[1]).getByTitle('Pass')).toBeInTheDocument();

    const summary = within(items[0]).getByRole('button', {
      name: /Node disk encryption/,
    });
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(summary);
    expect(summary).toHaveAttribute('aria-expanded', 'true');
    expect(
      await within(items[0]).findByText(
        'GCPMachineTemplate search-gcp-md-0: spec.template.spec.rootDiskEncryptionKey = not set',
      ),
    ).toBeInTheDocument();
    expect(
      within(items[0]).getByText(
        'Set rootDiskEncryptionKey on the machine template.',
      ),
    ).toBeInTheDocument();
  });

  it('says a cluster is compliant when no applicable check fails', async () => {
    renderWithApi(
      <ComplianceCard compliance={makeReport('default/payments-eu')} />,
      mockApi({}),
    );
    expect(
      await screen.findByText('Compliant: all 1 applicable checks pass'),
    ).toBeInTheDocument();
  });

  it('says when there is no report', async () => {
    renderWithApi(<ComplianceCard compliance={null} />, mockApi({}));
    expect(
      await screen.findByText('No compliance report for this cluster.'),
    ).toBeInTheDocument();
  });
});
