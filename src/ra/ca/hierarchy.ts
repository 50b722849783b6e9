// First start: the training CA hierarchy is generated (pki/certificate-builder) and its keys are
// wrapped into the store. The certificates go into the `initialized` event.
import { createTrainingHierarchy } from '../../pki/certificate-builder';
import { TRAINING_CAS, type TrainingCaId } from '../../pki/ca-profiles';
import { base64Encode } from '../../pki/pem';
import { caSecretId, wrapPkcs8 } from './keyring';
import type { CaRecord } from '../types';
import type { StoredSecret } from '../store/store';

function caName(id: TrainingCaId): string {
  return TRAINING_CAS[id].subject.find((r) => r.key === 'CN')?.value ?? id;
}

export async function generateHierarchy(now: Date, kwk: CryptoKey): Promise<{ cas: CaRecord[]; secrets: StoredSecret[] }> {
  const hierarchy = await createTrainingHierarchy({ now, extractable: true });
  const cas: CaRecord[] = [];
  const secrets: StoredSecret[] = [];
  for (const material of Object.values(hierarchy)) {
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', material.privateKey));
    secrets.push(await wrapPkcs8(caSecretId(material.id), pkcs8, kwk));
    cas.push({
      id: material.id,
      name: caName(material.id),
      parent: 'root', // one root signs every issuing CA (pki/ca-profiles.ts)
      certDerB64: base64Encode(material.certificate),
      keyRef: caSecretId(material.id),
      keyAlgorithm: TRAINING_CAS[material.id].key.algorithm,
    });
  }
  return { cas, secrets };
}
