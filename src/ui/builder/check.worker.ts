// The grid's full check (all rules + CSR checks) off the main thread, so a 1000-row sheet stays smooth to edit.
// reflect-metadata first: the CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { checkSheetFull } from '../../builder/check';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import { serveFunction } from '../../workers/call';
import type { InstitutionRegistered } from '../../builder/institution-check';
import type { RowMetas } from './run-check';

serveFunction((kind: KindId, rows: string[][], metas?: RowMetas, registered?: InstitutionRegistered) => checkSheetFull(KINDS[kind], rows, metas, registered));
