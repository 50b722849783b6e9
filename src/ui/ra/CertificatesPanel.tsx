// Issued certificates (server / client) with their 状態, serial in decimal and hex, DN and dates, and
// the RA's downloads: certificate information TSVs, statistics, OU allow-list, CRLs, the CA chain. The rows come a
// page at a time from the worker (filtered and sorted there): a store may hold 100 000 certificates.
import { For, Show, createSignal, onCleanup, type Component } from 'solid-js';
import { Pager } from '../components/Pager';
import { createRemotePages } from '../components/remote-pages';
import { CERT_STATUS, type CaRole } from '../../ra/types';
import type { Family } from '../../spec/types';
import type { CertificateListKind } from '../../ra/reports';
import { t, tr } from '../i18n';
import { call } from './ra-client';
import { act, jst, saveFile, view } from './ra-store';

const CA_NAMES: Record<CaRole, [string, string]> = {
  root: ['ルートCA', 'Root CA'],
  'server-rsa': ['サーバ証明書CA（RSA）', 'Server CA (RSA)'],
  'server-ecc': ['サーバ証明書CA（ECC）', 'Server CA (ECC)'],
  'client-auth': ['クライアント認証CA', 'Client authentication CA'],
  smime: ['S/MIME CA', 'S/MIME CA'],
  'ra-operator': ['登録担当者用CA', 'RA operator CA'],
};

const LIST_BUTTONS: { kind: CertificateListKind; ja: string; en: string }[] = [
  { kind: 'server', ja: 'サーバ証明書 証明書情報一括ダウンロード', en: 'Server certificate information (TSV)' },
  { kind: 'client', ja: 'クライアント証明書 証明書情報一括ダウンロード', en: 'Client certificate information (TSV)' },
  { kind: 'all', ja: '全証明書情報一括ダウンロード', en: 'All certificate information (TSV)' },
];

const hex = (serialHex: string) => `0x${serialHex.toUpperCase()}`;

export const CertificatesPanel: Component = () => {
  const [family, setFamily] = createSignal<Family>('server');
  const [filter, setFilter] = createSignal('');
  // Typing asks the worker once the keys pause, not at every key.
  let typing: ReturnType<typeof setTimeout> | undefined;
  const onFilterInput = (value: string) => {
    clearTimeout(typing);
    typing = setTimeout(() => setFilter(value), 150);
  };
  onCleanup(() => clearTimeout(typing));
  // view() is part of the query: every refresh (after an upload, a download, a clock move) asks for the page again.
  const pages = createRemotePages(
    () => ({ family: family(), filter: filter(), version: view() }),
    (q, page, pageSize) => call('certificatePage', { family: q.family, filter: q.filter, page, pageSize }),
    { samePage: (a, b) => a.family === b.family && a.filter === b.filter },
  );
  const issued = () => view()?.certificateCounts[family()] ?? 0;

  return (
    <section class="ra-certs" aria-labelledby="ra-certs-title">
      <h2 id="ra-certs-title">{t('証明書一覧', 'Certificates')}</h2>
      <div class="ra-subtabs" role="group" aria-label={t('証明書の種類', 'Certificate family')}>
        <button type="button" classList={{ secondary: family() !== 'server' }} aria-pressed={family() === 'server'} onClick={() => setFamily('server')}>
          {t('サーバ証明書', 'Server certificates')}
        </button>
        <button type="button" classList={{ secondary: family() !== 'client' }} aria-pressed={family() === 'client'} onClick={() => setFamily('client')}>
          {t('クライアント証明書', 'Client certificates')}
        </button>
      </div>
      <Show
        when={issued() > 0}
        fallback={
          <p data-testid="ra-certs-empty">{t('証明書はまだ発行されていません。', 'No certificates have been issued yet.')}</p>
        }
      >
        <label class="ra-cert-search">
          {t('検索（DN・シリアル番号）', 'Search (DN, serial number)')}{' '}
          <input type="search" data-testid="ra-cert-search" value={filter()} onInput={(e) => onFilterInput(e.currentTarget.value)} />
        </label>
        <Show when={pages.error()}>
          <p class="error" role="alert">
            {t('一覧を読み込めませんでした: ', 'Could not load the list: ')}
            {pages.error()}
          </p>
        </Show>
        <Show when={pages.loaded() && pages.total() === 0 && filter().trim() !== ''}>
          <p data-testid="ra-certs-none">{t('条件に合う証明書はありません。', 'No certificate matches.')}</p>
        </Show>
        <Pager pages={pages} testId="ra-cert-pager" />
        <div class="ra-scroll">
          <table class="ra-cert-table" data-testid="ra-cert-table" data-loaded={pages.settled() ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">{t('状態', 'Status')}</th>
                <th scope="col">{t('シリアル番号（10進）', 'Serial (decimal)')}</th>
                <th scope="col">{t('シリアル番号（16進）', 'Serial (hex)')}</th>
                <th scope="col">{t('主体者DN', 'Subject DN')}</th>
                <th scope="col">{t('プロファイル', 'Profile')}</th>
                <th scope="col">{t('有効期間開始', 'Not before')}</th>
                <th scope="col">{t('有効期間終了', 'Not after')}</th>
                <th scope="col">{t('証明書', 'Certificate')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={pages.slice()}>
                {(c) => (
                  <tr data-testid="ra-cert-row">
                    <td class="ra-status">
                      {c.status}:{tr(CERT_STATUS[c.status])}
                    </td>
                    <td class="mono ra-serial-dec">{c.serialDecimal}</td>
                    <td class="mono">{hex(c.serialHex)}</td>
                    <td class="mono ra-dn">{c.dn}</td>
                    <td>{c.profile}</td>
                    <td class="mono">{jst(c.notBefore)}</td>
                    <td class="mono">{jst(c.notAfter)}</td>
                    <td>
                      <div class="ra-cell-buttons">
                        <button type="button" class="secondary" data-testid="ra-dl-cert" onClick={() => act(async () => saveFile(await call('certificate', c.serialHex)))}>
                          PEM
                        </button>
                        {/* Server certificates: the chain file and the nginx / Apache / IIS guide (ra/install.ts). */}
                        <Show when={c.family === 'server'}>
                          <button
                            type="button"
                            class="secondary"
                            data-testid="ra-dl-install-kit"
                            title={t('サーバ証明書＋中間CA（ルートなし）、nginx・Apache・IIS の設定例と確認コマンド', 'Server + intermediate (no root), nginx / Apache / IIS snippets and checks')}
                            onClick={() => act(async () => saveFile(await call('installKit', c.serialHex)))}
                          >
                            {t('設置キット', 'Install kit')}
                          </button>
                        </Show>
                      </div>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <h3>{t('ダウンロード', 'Downloads')}</h3>
      <div class="ra-buttons">
        <For each={LIST_BUTTONS}>
          {(b) => (
            <button type="button" class="secondary" data-testid={`ra-dl-list-${b.kind}`} onClick={() => act(async () => saveFile(await call('certificateList', b.kind)))}>
              {t(b.ja, b.en)}
            </button>
          )}
        </For>
        <button type="button" class="secondary" data-testid="ra-dl-stats" onClick={() => act(async () => saveFile(await call('statistics')))}>
          {t('発行証明書統計照会', 'Issued certificate statistics')}
        </button>
        <button type="button" class="secondary" data-testid="ra-dl-ou" onClick={() => act(async () => saveFile(await call('ouAllowList')))}>
          {t('許可リスト一括ダウンロード', 'OU allow-list')}
        </button>
        <button type="button" class="secondary" data-testid="ra-dl-chain" onClick={() => act(async () => saveFile(await call('chain')))}>
          {t('CA証明書チェーン（PEM）', 'CA certificate chain (PEM)')}
        </button>
        <button type="button" class="secondary" data-testid="ra-dl-crl-all" onClick={() => act(async () => saveFile(await call('crlAll')))}>
          {t('全CRL（PEM、nginx ssl_crl・Apache用）', 'All CRLs (PEM, for nginx ssl_crl / Apache)')}
        </button>
      </div>

      <h3>{t('失効リスト（CRL）', 'Revocation lists (CRL)')}</h3>
      <table class="ra-crl-table" data-testid="ra-crl-table">
        <thead>
          <tr>
            <th scope="col">{t('認証局', 'CA')}</th>
            <th scope="col">{t('CRL番号', 'CRL number')}</th>
            <th scope="col">{t('次回更新', 'Next update')}</th>
            <th scope="col">{t('ダウンロード', 'Download')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={view()?.crls ?? []}>
            {(crl) => (
              <tr>
                <td>{t(CA_NAMES[crl.caId][0], CA_NAMES[crl.caId][1])}</td>
                <td>{crl.number}</td>
                <td class="mono">{jst(crl.nextUpdate)}</td>
                <td>
                  {/* The buttons' flex box sits inside the cell: a flex <td> is no table cell, and the rows lost their line. */}
                  <div class="ra-cell-buttons">
                    <button type="button" class="secondary" data-testid={`ra-dl-crl-${crl.caId}-der`} onClick={() => act(async () => saveFile(await call('crl', crl.caId, 'der')))}>
                      DER
                    </button>
                    <button type="button" class="secondary" data-testid={`ra-dl-crl-${crl.caId}-pem`} onClick={() => act(async () => saveFile(await call('crl', crl.caId, 'pem')))}>
                      PEM
                    </button>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
};
