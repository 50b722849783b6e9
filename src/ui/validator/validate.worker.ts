// Runs the validator off the main thread, so a large or hostile file cannot freeze the page.
// reflect-metadata first: CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import type { KindId } from '../../spec/types';
import { validateFile } from '../../tsv';
import { serveFunction } from '../../workers/call';

serveFunction((bytes: Uint8Array, kind: KindId, fileName?: string) => validateFile(bytes, kind, { fileName }));
