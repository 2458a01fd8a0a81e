import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const RUN = path.join(ROOT, '.run/bench');
