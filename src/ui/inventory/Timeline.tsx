// The expiry timeline: bars per week or month stacked by kind, the next 30/60/90 days marked, drawn as SVG
// from the same buckets as the table beside it (the chart is an image for screen readers; the table is the data).
import { createMemo, createSignal, For, onCleanup, onMount, Show, type Component } from 'solid-js';
import { BUCKET_COUNT, domainOfEntry, expiringByDomain, expiryBuckets, KIND_LABELS, type BucketUnit, type CertKind } from '../../inventory';
import { JST_OFFSET_MS } from '../../spec/jst';
import { t, tr } from '../i18n';
import type { InventoryState } from './state';

const KINDS: CertKind[] = ['server', 'client', 'smime', 'unknown'];
const COLORS: Record<CertKind, string> = { server: '#0b5cad', client: '#2e8540', smime: '#b35c00', unknown: '#777' };
const W = 720;
const H = 220;
const PAD = { l: 36, r: 8, t: 12, b: 40 };

export const Timeline: Component<{ state: InventoryState }> = (props) => {
  const [unit, setUnit] = createSignal<BucketUnit>('month');
  // The import worker's buckets while they hold (same rows, same day); else computed here (another 基準日).
  const buckets = createMemo(() => props.state.fresh()?.buckets[unit()] ?? expiryBuckets(props.state.charted(), props.state.asOf(), unit(), BUCKET_COUNT[unit()]));
  const max = createMemo(() => buckets().reduce((m, b) => Math.max(m, b.total), 1));
  const bw = () => (W - PAD.l - PAD.r) / buckets().length;
  const y = (n: number) => H - PAD.b - (n / max()) * (H - PAD.t - PAD.b);
  // x of a moment: linear inside its bucket, so the 30/60/90-day marks sit where those days fall.
  const xOf = (time: number) => {
    const b = buckets();
    const starts = b.map((k) => Date.parse(`${k.start}T00:00:00Z`) - JST_OFFSET_MS);
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : starts[i] + (starts[i] - (starts[i - 1] ?? starts[i] - 86_400_000 * 30));
      if (time >= starts[i] && time < end) return PAD.l + (i + (time - starts[i]) / (end - starts[i])) * bw();
    }
    return undefined;
  };
  const marks = createMemo(() =>
    [30, 60, 90].map((d) => ({ d, x: xOf(props.state.asOf().getTime() + d * 86_400_000) })).filter((m): m is { d: number; x: number } => m.x !== undefined),
  );
  const domains = createMemo(() => props.state.fresh()?.byDomain ?? expiringByDomain(props.state.charted(), props.state.asOf(), domainOfEntry));
  // The two tables a frame after the chart: built and laid out together with it, the mount took one task of 60 ms
  // or more after an import (traced); apart, each is a short one.
  const [tables, setTables] = createSignal(false);
  onMount(() => {
    const id = requestAnimationFrame(() => setTables(true));
    onCleanup(() => cancelAnimationFrame(id));
  });

  return (
    <section class="inv-timeline" aria-labelledby="inv-timeline-h">
      <h2 id="inv-timeline-h">{t('有効期限の見通し', 'Expiry timeline')}</h2>
      <div class="form-row" role="radiogroup" aria-label={t('集計単位', 'Bucket')}>
        <label>
          <input type="radio" name="inv-unit" checked={unit() === 'month'} onChange={() => setUnit('month')} /> {t('月ごと（12か月）', 'per month (12)')}
        </label>
        <label>
          <input type="radio" name="inv-unit" checked={unit() === 'week'} onChange={() => setUnit('week')} /> {t('週ごと（26週）', 'per week (26)')}
        </label>
      </div>
      <div class="inv-chart-row">
        <svg viewBox={`0 0 ${W} ${H}`} class="inv-chart" role="img" aria-labelledby="inv-chart-title" data-testid="inventory-timeline">
          <title id="inv-chart-title">{t('期限切れになる証明書の数（種別ごとの積み上げ）。数値は右の表にあります。', 'Certificates expiring per period, stacked by kind; the numbers are in the table beside.')}</title>
          <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#333" />
          <text x={PAD.l - 6} y={y(max()) + 4} text-anchor="end" font-size="11">{max()}</text>
          <text x={PAD.l - 6} y={H - PAD.b + 4} text-anchor="end" font-size="11">0</text>
          <For each={buckets()}>
            {(b, i) => {
              let acc = 0;
              return (
                <g>
                  <For each={KINDS}>
                    {(k) => {
                      const n = b.counts[k];
                      const top = y(acc + n);
                      const bottom = y(acc);
                      acc += n;
                      return n > 0 ? <rect x={PAD.l + i() * bw() + 2} width={Math.max(1, bw() - 4)} y={top} height={bottom - top} fill={COLORS[k]} /> : null;
                    }}
                  </For>
                  <text x={PAD.l + i() * bw() + bw() / 2} y={H - PAD.b + 14} text-anchor="middle" font-size="10">
                    {unit() === 'month' ? b.start.slice(2, 7) : b.start.slice(5)}
                  </text>
                  {b.total > 0 ? (
                    <text x={PAD.l + i() * bw() + bw() / 2} y={y(b.total) - 3} text-anchor="middle" font-size="10">
                      {b.total}
                    </text>
                  ) : null}
                </g>
              );
            }}
          </For>
          <For each={marks()}>
            {(m) => (
              <g>
                <line x1={m.x} x2={m.x} y1={PAD.t} y2={H - PAD.b} stroke="#a4161a" stroke-dasharray="4 3" />
                <text x={m.x + 2} y={PAD.t + 8} font-size="10" fill="#a4161a">{t(`${m.d}日`, `${m.d}d`)}</text>
              </g>
            )}
          </For>
          <For each={KINDS.slice(0, 3)}>
            {(k, i) => (
              <g>
                <rect x={PAD.l + i() * 110} y={H - 16} width="10" height="10" fill={COLORS[k]} />
                <text x={PAD.l + i() * 110 + 14} y={H - 7} font-size="11">{tr(KIND_LABELS[k])}</text>
              </g>
            )}
          </For>
        </svg>
        <Show when={tables()}>
          <table class="inv-chart-table" data-testid="inventory-timeline-table">
            <caption>{t('期間ごとの件数', 'Count per period')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('開始日', 'From')}</th>
                <For each={KINDS.slice(0, 3)}>{(k) => <th scope="col">{tr(KIND_LABELS[k])}</th>}</For>
                <th scope="col">{t('計', 'Total')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={buckets()}>
                {(b) => (
                  <tr>
                    <th scope="row">{b.start}</th>
                    <For each={KINDS.slice(0, 3)}>{(k) => <td class="num">{b.counts[k]}</td>}</For>
                    <td class="num">{b.total}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </div>
      <Show when={tables()}>
        <table class="inv-domains">
          <caption>{t('ドメインごとの期限切れ予定（有効な証明書）', 'Expiring per domain (valid certificates)')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ドメイン', 'Domain')}</th>
              <th scope="col">{t('30日以内', '≤ 30 days')}</th>
              <th scope="col">{t('60日以内', '≤ 60 days')}</th>
              <th scope="col">{t('90日以内', '≤ 90 days')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={domains()} fallback={<tr><td colSpan={4}>{t('90日以内に期限切れの証明書はありません。', 'Nothing expires within 90 days.')}</td></tr>}>
              {(d) => (
                <tr>
                  <th scope="row">{d.domain}</th>
                  <td class="num">{d.d30}</td>
                  <td class="num">{d.d60}</td>
                  <td class="num">{d.d90}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
};
