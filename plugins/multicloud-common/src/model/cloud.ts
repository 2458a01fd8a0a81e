/** Clouds the portal understands; anything else is shown as `other`, never dropped. */
export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type KnownCloud = (typeof CLOUDS)[number];
export type Cloud = KnownCloud | 'other';

export const CLOUD_TITLES: Record<Cloud, string> = {
  aws: 'AWS',
  azure: 'Azure',
  gcp: 'GCP',
  other: 'Other',
};
