// 「証明書申請完了」/「証明書更新受付完了」: the license ID's first blocks on screen, the last one hidden (it went by mail).
import { For, Show, type Component } from 'solid-js';
import { jstDateTime } from '../../sim';
import { LICENSE, type LicenseHandout } from '../../jpnic';
import { t } from '../i18n';

export const LicenseScreen: Component<{ title: string; handout: LicenseHandout; serial?: string; onBack: () => void }> = (props) => (
  <div class="jp-screen" data-testid="jp-license-screen">
    <h3>{props.title}</h3>
    <p>{t('ライセンスID', 'License ID')}:</p>
    <p class="jp-blocks">
      <For each={props.handout.screenBlocks}>{(b) => <><code data-testid="jp-license-block">{b}</code><span>{LICENSE.separator}</span></>}</For>
      <code class="jp-hidden-block" title={t('メールで通知', 'sent by mail')}>{'*'.repeat(LICENSE.blockLength)}</code>
    </p>
    <p>{t(`ライセンスIDは${LICENSE.blocks}ブロックに分かれており、そのうち${LICENSE.blocks - 1}ブロックは当画面で表示されます。最後の1ブロックは EMAIL（${props.handout.license.email}）宛に通知されています。`, `The license ID has ${LICENSE.blocks} blocks; ${LICENSE.blocks - 1} are shown here, the last one went to the EMAIL (${props.handout.license.email}).`)}</p>
    <Show when={props.serial}>
      <p class="notice notice-warn">{t('シリアル番号', 'Serial number')}: <b data-testid="jp-license-serial">{props.serial}</b> — {t('ライセンスIDと一緒に伝えてください。', 'pass it on with the license ID.')}</p>
    </Show>
    <p class="notice notice-warn">{t('当画面で表示されているライセンスIDを、実際にご利用となる担当者へオフライン（対面など）で本人確認をした上でお伝えください。', 'Pass the blocks shown here to the person who will use the certificate offline (e.g. face to face) after checking their identity.')}</p>
    <p class="hint">{t('有効期限', 'Expires')}: {jstDateTime(new Date(props.handout.license.expiresAt))}（{t('一度だけ使えます', 'one use only')}）</p>
    <button type="button" class="secondary" onClick={() => props.onBack()}>{t('一覧へ', 'To the list')}</button>
  </div>
);
