// PKCS#12 packaging off the main thread: its MAC key derivation (PKCS#12 KDF, 2048 SHA-256 rounds in JS)
// takes 80–400 ms, too long for the page (the JPNIC applicant's 「証明書インストール」 uses it).
import { buildPkcs12 } from '../pki/pkcs12';
import { serveFunction } from './call';

serveFunction(buildPkcs12);
