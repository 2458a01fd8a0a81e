import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITIZERS,
  type PlacementResponse,
} from '@internal/plugin-multicloud-common';
import { useState } from 'react';
import { multicloudApiRef } from '../../api/MulticloudApi';
import { CARD_TITLE_PROPS } from '../common/cardTitle';
import { LoadError } from '../common/LoadError';
import { StaleBanner } from '../common/StaleBanner';
import { placementFieldErrors, type FieldErrors } from './fieldErrors';
import { NewClusterOptions } from './NewClusterOptions';
import { PlacementForm } from './PlacementForm';
import {
  INITIAL_PLACEMENT_FORM,
  toPlacementRequest,
  type PlacementFormState,
} from './placementFormState';
import { PRIORITIZER_TITLES } from './prioritizers';
import { RankedCandidates } from './RankedCandidates';
import { Recommendation } from './Recommendation';
import { RejectedClusters } from './RejectedClusters';

/**
 * The placement advisor: the workload's requirements → the recommendation, the ranked
 * clusters with a bar per prioritizer, the rejected ones with every reason, and the new
 * clusters that would fit, each with a link to request it.
 */
export function PlacementPage() {
  const api = useApi(multicloudApiRef);
  const [form, setForm] = useState<PlacementFormState>(INITIAL_PLACEMENT_FORM);
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<PlacementResponse>();

  const evaluate = async () => {
    setSubmitting(true);
    setError(undefined);
    setFieldErrors({});
    try {
      setResult(await api.evaluatePlacement(toPlacementRequest(form)));
    } catch (e) {
      const fields = placementFieldErrors(e as Error);
      // Results of the previous request no longer answer the form as it stands.
      setResult(undefined);
      if (fields) setFieldErrors(fields);
      else setError(e as Error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          titleTypographyProps={CARD_TITLE_PROPS}
          title="Workload"
          subheader="Where should a workload with these requirements run, and why?"
        >
          <PlacementForm
            value={form}
            onChange={setForm}
            errors={fieldErrors}
            onSubmit={evaluate}
            submitting={submitting}
          />
        </InfoCard>
      </Grid>
      {error && (
        <Grid item xs={12}>
          <LoadError
            title="The placement could not be evaluated"
            error={error}
            retry={evaluate}
          />
        </Grid>
      )}
      {result && (
        <>
          <Grid item xs={12}>
            <StaleBanner stale={result.stale} />
            <Recommendation recommendation={result.recommendation} />
            <Typography variant="body2" color="textSecondary">
              Weights used:{' '}
              {PRIORITIZERS.map(
                p => `${PRIORITIZER_TITLES[p]} ${result.weights[p]}`,
              ).join(', ')}
            </Typography>
          </Grid>
          <Grid item xs={12} lg={7}>
            <RankedCandidates candidates={result.candidates} />
          </Grid>
          <Grid item xs={12} lg={5}>
            <RejectedClusters rejected={result.rejected} />
          </Grid>
          <Grid item xs={12}>
            <NewClusterOptions result={result} />
          </Grid>
        </>
      )}
    </Grid>
  );
}
