import { Route, Routes } from 'react-router-dom';
import { ClusterDetailPage } from '../detail/ClusterDetailPage';
import { ClustersPage } from './ClustersPage';

/** The Clusters tab: the table, and a cluster's detail under it (`clusters/:namespace/:name`). */
export function ClustersRoutes() {
  return (
    <Routes>
      <Route index element={<ClustersPage />} />
      <Route path=":namespace/:name" element={<ClusterDetailPage />} />
    </Routes>
  );
}
