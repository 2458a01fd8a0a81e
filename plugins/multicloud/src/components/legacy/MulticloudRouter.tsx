import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { compatWrapper } from '@backstage/core-compat-api';
import { ClustersRoutes } from '../clusters/ClustersRoutes';
import { CompliancePage } from '../compliance/CompliancePage';
import { CostPage } from '../cost/CostPage';
import { FailoverConsolePage } from '../failover/FailoverConsolePage';
import { OverviewPage } from '../overview/OverviewPage';
import { PlacementPage } from '../placement/PlacementPage';

/**
 * The plugin page for apps on the old frontend system: the same tabs and URLs as the
 * new-system page (`/`, `/clusters`, `/clusters/:namespace/:name`, `/cost`, `/compliance`
 * under its mount path).
 */
export function MulticloudRouter() {
  return compatWrapper(
    <Page themeId="tool">
      <Header
        title="Multicloud"
        subtitle="Cluster API fleet across AWS, Azure and GCP"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <OverviewPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/clusters" title="Clusters">
          <ClustersRoutes />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/cost" title="Cost">
          <CostPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/compliance" title="Compliance">
          <CompliancePage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/placement" title="Placement">
          <PlacementPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/failover" title="Failover">
          <FailoverConsolePage />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>,
  );
}
