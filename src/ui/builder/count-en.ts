// English needs the singular for one row; Japanese has no plural, so only the English side calls this.
export const rowsEn = (n: number): string => (n === 1 ? '1 row' : `${n} rows`);
