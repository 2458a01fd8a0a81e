/** Scores are shown with two decimals. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** Money keeps sub-cent precision: node prices are fractions of a dollar. */
export const round4 = (x: number) => Math.round(x * 10000) / 10000;

export const usd = (perHour: number) =>
  `$${perHour.toFixed(perHour < 1 ? 4 : 2)}/h`;
