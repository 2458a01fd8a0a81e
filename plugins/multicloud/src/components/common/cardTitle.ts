/** InfoCard titles as real headings, so screen-reader users can jump between cards. */
export const CARD_TITLE_PROPS = { component: 'h2' } as const;
