import { ValueTransformer } from 'typeorm';

/** A BIGINT read back as a number: mysql2 may hand BIGINT back as a string. */
export const wholeNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** A yes/no that may be unknown, stored as 1, 0 or NULL: the same on SQLite and MySQL. */
export const optionalFlag: ValueTransformer = {
  to: (value: boolean | null | undefined) =>
    value === undefined ? undefined : value === null ? null : Number(value),
  from: (value: number | null) => (value === null ? null : value === 1),
};
