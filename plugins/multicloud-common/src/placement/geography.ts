import type { KnownCloud } from '../model/cloud';

export type Continent =
  | 'north-america'
  | 'south-america'
  | 'europe'
  | 'asia-pacific'
  | 'middle-east'
  | 'africa';

export interface RegionGeography {
  /** The cloud whose naming scheme the region follows. */
  cloud?: KnownCloud;
  continent?: Continent;
  /** Continent-level country/area plus compass point, e.g. `us-west`, `eu-west`. */
  area?: string;
}

/** Geography words used by the three clouds' region names → [continent, area prefix]. */
const PLACES: Record<string, [Continent, string]> = {
  us: ['north-america', 'us'],
  ca: ['north-america', 'ca'],
  canada: ['north-america', 'ca'],
  northamerica: ['north-america', 'ca'],
  mx: ['north-america', 'mx'],
  mexico: ['north-america', 'mx'],
  sa: ['south-america', 'sa'],
  southamerica: ['south-america', 'sa'],
  brazil: ['south-america', 'sa'],
  eu: ['europe', 'eu'],
  europe: ['europe', 'eu'],
  uk: ['europe', 'uk'],
  france: ['europe', 'fr'],
  germany: ['europe', 'de'],
  switzerland: ['europe', 'ch'],
  norway: ['europe', 'no'],
  sweden: ['europe', 'se'],
  poland: ['europe', 'pl'],
  italy: ['europe', 'it'],
  spain: ['europe', 'es'],
  ap: ['asia-pacific', 'ap'],
  asia: ['asia-pacific', 'ap'],
  australia: ['asia-pacific', 'au'],
  japan: ['asia-pacific', 'jp'],
  korea: ['asia-pacific', 'kr'],
  india: ['asia-pacific', 'in'],
  me: ['middle-east', 'me'],
  il: ['middle-east', 'il'],
  israel: ['middle-east', 'il'],
  uae: ['middle-east', 'ae'],
  qatar: ['middle-east', 'qa'],
  af: ['africa', 'af'],
  africa: ['africa', 'af'],
  southafrica: ['africa', 'za'],
};

const AWS = /^([a-z]{2})(?:-gov)?-([a-z]+)-\d+$/; // us-west-2, eu-central-1
const GCP = /^([a-z]+)-([a-z]+)\d+$/; // us-west1, europe-west1
const AZURE = /^([a-z]+?)\d*$/; // westus2, westeurope, uksouth
/** Azure names put the compass point before (`westus`) or after (`uksouth`) the place. */
const AZURE_PLACE_SUFFIX = /^(.*?)(us|europe|asia|india|australia|africa)$/;
const AZURE_PLACE_PREFIXES = Object.keys(PLACES)
  .filter(p => p.length > 2 || p === 'uk')
  .sort((a, b) => b.length - a.length);

function geo(
  cloud: KnownCloud,
  place: string,
  direction: string,
): RegionGeography {
  const known = Object.prototype.hasOwnProperty.call(PLACES, place)
    ? PLACES[place]
    : undefined;
  return known
    ? {
        cloud,
        continent: known[0],
        area: `${known[1]}-${direction || 'central'}`,
      }
    : { cloud };
}

/**
 * Where a region is, read from its name. The three clouds' naming schemes do not overlap
 * (AWS `us-east-1`, GCP `us-east1`, Azure `eastus`), which also tells the cloud.
 */
export function regionGeography(region: string): RegionGeography {
  let m = AWS.exec(region);
  if (m) return geo('aws', m[1], m[2]);
  m = GCP.exec(region);
  if (m) return geo('gcp', m[1], m[2]);
  m = AZURE.exec(region);
  if (!m) return {};
  const name = m[1];
  const suffix = AZURE_PLACE_SUFFIX.exec(name);
  if (suffix) return geo('azure', suffix[2], suffix[1]);
  const place = AZURE_PLACE_PREFIXES.find(p => name.startsWith(p));
  return place
    ? geo('azure', place, name.slice(place.length))
    : { cloud: 'azure' };
}
