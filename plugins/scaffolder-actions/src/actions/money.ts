import { HOURS_PER_MONTH } from '@internal/plugin-multicloud-common';

/** `$1,234/month`: the portal shows money with its unit, rounded to whole dollars. */
export function perMonth(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}/month`;
}

export function hourlyToMonthly(perHour: number): number {
  return perHour * HOURS_PER_MONTH;
}
