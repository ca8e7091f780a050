import { ValueTransformer } from 'typeorm';

/**
 * Times are stored as BIGINT milliseconds since the epoch: identical on SQLite and MySQL, no time
 * zone conversion by any driver. mysql2 may hand BIGINT back as a string; this turns it into a number.
 */
export const epochMillis: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};
