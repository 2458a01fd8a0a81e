import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CLOUD_TITLES,
  type PlacementRecommendation,
} from '@internal/plugin-multicloud-common';
import { ClusterRefLink } from '../cost/ClusterRefLink';

/** The answer in one line, above the evidence. */
export function Recommendation({
  recommendation,
}: {
  recommendation: PlacementRecommendation;
}) {
  let text;
  switch (recommendation.kind) {
    case 'existing':
      text = (
        <>
          Recommended: <ClusterRefLink clusterRef={recommendation.ref} />
        </>
      );
      break;
    case 'new-cluster':
      text = `Recommended: a new ${
        CLOUD_TITLES[recommendation.cloud]
      } cluster in ${recommendation.region}`;
      break;
    default:
      text = `No placement: ${recommendation.reason}`;
  }
  return (
    <Box mb={2} role="status">
      <Typography variant="h6" component="p">
        {text}
      </Typography>
    </Box>
  );
}
