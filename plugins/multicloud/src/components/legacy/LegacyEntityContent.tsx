import { compatWrapper } from '@backstage/core-compat-api';
import { EntityClusterContent } from '../entity/EntityClusterContent';
import { EntityClustersContent } from '../entity/EntityClustersContent';

// The components use the new system's hooks; `compatWrapper` provides them in an old app.

export function LegacyEntityClustersContent() {
  return compatWrapper(<EntityClustersContent />);
}

export function LegacyEntityClusterContent() {
  return compatWrapper(<EntityClusterContent />);
}
