// buildPkcs12 in a worker (main-thread fallback when no worker can start). The extractable CryptoKey is
// structured-cloned to the worker; it never leaves this origin and is dropped after packaging.
import { buildPkcs12 } from '../../pki/pkcs12';
import { workerFunction } from '../../workers/call';
import Pkcs12Worker from '../../workers/pkcs12.worker?worker';

export const buildPkcs12OffThread = workerFunction(() => new Pkcs12Worker(), buildPkcs12);
