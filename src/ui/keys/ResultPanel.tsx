// What a generation produced: the CSR (PEM and the one-line TSV form), the private key file, and the TSV values.
// Nothing here is stored: the key exists only in this page's memory until downloaded.
import { Show, type Component } from 'solid-js';
import type { KeyAndCsr } from '../../pki/keys';
import { zipFiles } from '../../pki/zip';
import { downloadBytes } from '../builder/download';
import { t } from '../i18n';
import { CopyButton } from './CopyButton';
import { markKeySaved } from './key-session';
import { SendToBuilder } from './SendToBuilder';

const PEM = 'application/x-pem-file';

export const ResultPanel: Component<{ result: KeyAndCsr }> = (props) => {
  const r = () => props.result;
  const downloadZip = async () => {
    const files = [
      { name: `${r().baseName}.csr`, data: r().csrPem },
      { name: `${r().baseName}.key`, data: r().keyPem },
      { name: `${r().baseName}.csr.txt`, data: r().csrOneLine },
    ];
    downloadBytes(`${r().baseName}.zip`, await zipFiles(files, new Date()), 'application/zip');
    markKeySaved();
  };
  const downloadKey = () => {
    downloadBytes(`${r().baseName}.key`, r().keyPem, PEM);
    markKeySaved();
  };

  return (
    <div class="keys-result" data-testid="keys-result">
      <p class="notice notice-ok" role="status">
        {t('鍵ペアとCSRを作成しました。秘密鍵は必ずダウンロードしてください（このページは保存しません）。', 'Key pair and CSR made. Download the private key now: this page does not keep it.')}
      </p>
      <Show when={!r().keyEncrypted}>
        <p class="notice notice-warn">{t('秘密鍵は暗号化されていません。', 'The private key is NOT encrypted.')}</p>
      </Show>
      <div class="form-row">
        <button type="button" onClick={downloadKey} data-testid="keys-download-key">
          {t('秘密鍵をダウンロード', 'Download private key')} ({r().baseName}.key)
        </button>
        <button type="button" onClick={() => downloadBytes(`${r().baseName}.csr`, r().csrPem, PEM)} data-testid="keys-download-csr">
          {t('CSRをダウンロード', 'Download CSR')} ({r().baseName}.csr)
        </button>
        <button type="button" class="secondary" onClick={downloadZip} data-testid="keys-download-zip">
          {t('まとめてZIPでダウンロード', 'Download all as ZIP')}
        </button>
      </div>
      <label for="keys-csr-pem">{t('CSR（PEM）', 'CSR (PEM)')}</label>
      <textarea id="keys-csr-pem" class="mono" rows="8" readonly value={r().csrPem} data-testid="keys-csr-pem" />
      <div class="form-row">
        <CopyButton text={() => r().csrPem} label={t('PEMをコピー', 'Copy PEM')} testId="keys-copy-pem" />
      </div>
      <label for="keys-csr-line">{t('TSV 7列目（CSR、一行形式）', 'TSV column 7 (CSR, one line)')}</label>
      <textarea id="keys-csr-line" class="mono" rows="3" readonly value={r().csrOneLine} data-testid="keys-csr-line" />
      <div class="form-row">
        <CopyButton text={() => r().csrOneLine} label={t('一行形式をコピー', 'Copy one-line form')} testId="keys-copy-line" />
        <button type="button" class="secondary" onClick={() => downloadBytes(`${r().baseName}.csr.txt`, r().csrOneLine, 'text/plain')}>
          {t('一行形式をダウンロード', 'Download one-line form')}
        </button>
      </div>
      <SendToBuilder csr={() => r().csrPem} />
      <dl class="keys-facts">
        <dt>{t('TSV 1列目（主体者DN）', 'TSV column 1 (subject DN)')}</dt>
        <dd>
          <code data-testid="keys-subject-tsv">{r().subjectTsv}</code> <CopyButton text={() => r().subjectTsv} label={t('コピー', 'Copy')} />
        </dd>
        <Show when={r().dnsNamesColumn}>
          <dt>{t('TSV 13列目（dNSName）', 'TSV column 13 (dNSName)')}</dt>
          <dd>
            <code>{r().dnsNamesColumn}</code> <CopyButton text={() => r().dnsNamesColumn} label={t('コピー', 'Copy')} />
          </dd>
        </Show>
      </dl>
    </div>
  );
};
