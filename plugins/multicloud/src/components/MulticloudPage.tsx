import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { multicloudApiRef } from '../api/MulticloudApi';

/** Landing page of the portal: the state of the multicloud backend. */
export function MulticloudPage() {
  const api = useApi(multicloudApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);

  return (
    <Content>
      <ContentHeader title="Multicloud fleet" />
      {loading && <Progress />}
      {error && (
        <WarningPanel
          severity="error"
          title="The multicloud backend did not answer"
          message={error.message}
        />
      )}
      {value && (
        <InfoCard title="Backend">
          <StructuredMetadataTable metadata={{ status: value.status }} />
        </InfoCard>
      )}
    </Content>
  );
}
