import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  CLOUDS,
  CLOUD_TITLES,
  PLACEMENT_WEIGHT_BOUNDS,
  PRIORITIZERS,
  type Prioritizer,
} from '@internal/plugin-multicloud-common';
import type { FormEvent } from 'react';
import type { FieldErrors } from './fieldErrors';
import type { PlacementFormState } from './placementFormState';
import { PRIORITIZER_TITLES } from './prioritizers';

type TextKey = Exclude<keyof PlacementFormState, 'allowedClouds' | 'weights'>;

const FIELDS: Array<{
  key: TextKey;
  label: string;
  help: string;
  type?: 'number';
  select?: Array<[value: string, label: string]>;
}> = [
  { key: 'cpu', label: 'CPU per replica', help: 'cores', type: 'number' },
  { key: 'memory', label: 'Memory per replica', help: 'GiB', type: 'number' },
  { key: 'gpu', label: 'GPUs per replica', help: 'whole GPUs', type: 'number' },
  { key: 'replicas', label: 'Replicas', help: 'pods', type: 'number' },
  {
    key: 'environment',
    label: 'Environment',
    help: 'only clusters of this environment',
    select: [
      ['production', 'production'],
      ['staging', 'staging'],
      ['development', 'development'],
    ],
  },
  {
    key: 'dataClass',
    label: 'Data class',
    help: 'decides the allowed regions',
    select: [
      ['', 'no restricted data'],
      ['gdpr', 'GDPR'],
      ['ccpa', 'CCPA'],
    ],
  },
  { key: 'owner', label: 'Owning team', help: 'spreads its clusters' },
  {
    key: 'preferredRegions',
    label: 'Preferred regions',
    help: 'comma-separated, e.g. eu-west-1, westeurope',
  },
  {
    key: 'maxHourlyCost',
    label: 'Budget',
    help: 'USD per hour for the new nodes (optional)',
    type: 'number',
  },
];

// Fields with an input of their own; the backend's other messages are listed under the form.
const FORM_FIELDS = new Set<string>([
  ...FIELDS.map(f => f.key),
  'allowedClouds',
  ...PRIORITIZERS.map(p => `weights.${p}`),
]);

/** The helper text: the backend's messages when it rejected the field, else the hint. */
function helperOf(errors: FieldErrors, field: string, hint: string) {
  const messages = errors[field];
  return { error: !!messages, helperText: messages?.join('; ') ?? hint };
}

/** The workload's requirements; every field as the placement API names it. */
export function PlacementForm({
  value,
  onChange,
  errors,
  onSubmit,
  submitting,
}: {
  value: PlacementFormState;
  onChange: (next: PlacementFormState) => void;
  errors: FieldErrors;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const toggleCloud = (cloud: (typeof CLOUDS)[number], on: boolean) =>
    onChange({
      ...value,
      allowedClouds: on
        ? CLOUDS.filter(c => c === cloud || value.allowedClouds.includes(c))
        : value.allowedClouds.filter(c => c !== cloud),
    });
  const setWeight = (p: Prioritizer, w: string) =>
    onChange({ ...value, weights: { ...value.weights, [p]: w } });
  const unplaced = Object.entries(errors)
    .filter(([field]) => !FORM_FIELDS.has(field))
    .flatMap(([, messages]) => messages);
  const clouds = helperOf(
    errors,
    'allowedClouds',
    'clusters on other clouds are rejected',
  );

  return (
    <form aria-label="Workload requirements" onSubmit={submit} noValidate>
      <Grid container spacing={2}>
        {FIELDS.map(field => (
          <Grid item xs={12} sm={6} md={4} key={field.key}>
            <TextField
              id={`placement-${field.key}`}
              name={field.key}
              label={field.label}
              value={value[field.key]}
              onChange={e =>
                onChange({ ...value, [field.key]: e.target.value })
              }
              type={field.type}
              select={!!field.select}
              // A select whose empty value has a label ("no restricted data") shows it.
              SelectProps={{ displayEmpty: true }}
              InputLabelProps={field.select ? { shrink: true } : undefined}
              fullWidth
              variant="outlined"
              size="small"
              {...helperOf(errors, field.key, field.help)}
            >
              {field.select?.map(([v, label]) => (
                <MenuItem key={v} value={v}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        ))}
        <Grid item xs={12} md={4}>
          <FormControl component="fieldset" error={clouds.error}>
            <FormLabel component="legend">Allowed clouds</FormLabel>
            <FormGroup row>
              {CLOUDS.map(cloud => (
                <FormControlLabel
                  key={cloud}
                  label={CLOUD_TITLES[cloud]}
                  control={
                    <Checkbox
                      color="primary"
                      checked={value.allowedClouds.includes(cloud)}
                      onChange={e => toggleCloud(cloud, e.target.checked)}
                    />
                  }
                />
              ))}
            </FormGroup>
            <FormHelperText>{clouds.helperText}</FormHelperText>
          </FormControl>
        </Grid>
        <Grid item xs={12}>
          <Typography variant="subtitle2" component="h3" id="placement-weights">
            Prioritizer weights ({PLACEMENT_WEIGHT_BOUNDS.min}–
            {PLACEMENT_WEIGHT_BOUNDS.max}; blank uses the configured default)
          </Typography>
        </Grid>
        {PRIORITIZERS.map(p => (
          <Grid item xs={6} sm={4} md={2} key={p}>
            <TextField
              id={`placement-weight-${p}`}
              label={`${PRIORITIZER_TITLES[p]} weight`}
              value={value.weights[p]}
              onChange={e => setWeight(p, e.target.value)}
              type="number"
              placeholder="default"
              InputLabelProps={{ shrink: true }}
              fullWidth
              variant="outlined"
              size="small"
              {...helperOf(errors, `weights.${p}`, ' ')}
            />
          </Grid>
        ))}
      </Grid>
      {unplaced.length > 0 && (
        <Box mt={1} role="alert">
          {unplaced.map(message => (
            <Typography key={message} color="error" variant="body2">
              {message}
            </Typography>
          ))}
        </Box>
      )}
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={submitting}
        >
          {submitting ? 'Evaluating…' : 'Find a placement'}
        </Button>
      </Box>
    </form>
  );
}
