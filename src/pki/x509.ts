// @peculiar/x509, with what it needs evaluated first: it reads decorator metadata (reflect-metadata) while its own
// modules load, so the core's few users of it import it from here and no page has to load the polyfill up front.
import 'reflect-metadata';
export * from '@peculiar/x509';
