import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { compatWrapper } from '@backstage/core-compat-api';
import { ClustersRoutes } from '../clusters/ClustersRoutes';
import { OverviewPage } from '../overview/OverviewPage';

/**
 * The plugin page for apps on the old frontend system: the same tabs and URLs as the
 * new-system page (`/`, `/clusters`, `/clusters/:namespace/:name` under its mount path).
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
      </TabbedLayout>
    </Page>,
  );
}
