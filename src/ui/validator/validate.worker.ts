// Runs the validator off the main thread, so a large or hostile file cannot freeze the page.
// reflect-metadata first: CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import type { KindId } from '../../spec/types';
import { validateFile } from '../../tsv';
import { boundReport } from '../../tsv/bound-report';
import { serveFunction } from '../../workers/call';

// The page receives a bounded report (bound-report.ts): a 10 MB file or a 1 MB cell never reaches it whole.
// It gets the File itself (a Blob is passed by reference) and reads it here: copying 10 MB of bytes into the
// message would be a main-thread task of its own.
serveFunction(async (file: Blob, kind: KindId, fileName?: string) =>
  boundReport(await validateFile(new Uint8Array(await file.arrayBuffer()), kind, { fileName })),
);
