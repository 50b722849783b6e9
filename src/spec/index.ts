// The UPKI rules as data: read by the codec, the validator, the builder forms, the CSV import and the docs.
export * from './types';
export * from './kinds';
export * from './profiles';
export * from './dn-rules';
export * from './charsets';
export * from './hostname';
export * from './dns-names';
export * from './jst';
