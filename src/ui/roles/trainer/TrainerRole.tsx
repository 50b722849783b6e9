// The trainer's view of the service: every mail, the clock, and fault injection for what a trainee must
// learn to handle (SPEC §7.2): a WHOIS connection failure or mismatch for a domain, the institution's
// approval expired, a domain removed. Faults are institution data, so they are in backups and the audit.
import { For, Show, createSignal, type Component } from 'solid-js';
import type { DomainFault, Institution } from '../../../ra/types';
import { jstDate } from '../../../spec/jst';
import type { Text } from '../../../spec/types';
import { href } from '../../app/router';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { act, jst, refresh, view } from '../../ra/ra-store';
import { Mailbox } from '../shared/Mailbox';
import { TrainingTrainer } from '../../training/trainer/TrainingTrainer';

const FAULTS: { id: DomainFault | 'none'; label: Text }[] = [
  { id: 'none', label: { ja: '正常', en: 'normal' } },
  { id: 'whois-connection', label: { ja: 'WHOIS接続失敗', en: 'WHOIS connection failure' } },
  { id: 'whois-mismatch', label: { ja: 'WHOIS情報不一致', en: 'WHOIS mismatch' } },
  { id: 'removed', label: { ja: 'ドメイン削除（審査未了）', en: 'domain removed (not approved)' } },
];

async function save(inst: Institution): Promise<Text | undefined> {
  const r = await call('saveInstitution', inst);
  await refresh();
  return r.ok ? undefined : r.error;
}

export const TrainerRole: Component = () => {
  const [error, setError] = createSignal<Text>();
  const inst = () => view()?.institutions[0];
  const setFault = (domain: string, fault: DomainFault | 'none') =>
    act(async () => {
      const i = inst()!;
      const faults = { ...(i.domainFaults ?? {}) };
      if (fault === 'none') delete faults[domain];
      else faults[domain] = fault;
      setError(await save({ ...i, domainFaults: faults }));
    });
  const expireApproval = () =>
    act(async () => {
      const yesterday = jstDate(new Date(new Date(view()!.now).getTime() - 86_400_000));
      setError(await save({ ...inst()!, approvalExpires: yesterday }));
    });
  const renewApproval = () =>
    act(async () => {
      setError(await save({ ...inst()!, approvalExpires: '2099-03-31' }));
    });
  return (
    <section class="svc-trainer" data-testid="svc-trainer">
      <h2>{t('トレーナー', 'Trainer')}</h2>
      <p>
        {t(`模擬時刻: ${jst(view()?.now)}（+${view()?.clockOffsetDays ?? 0}日）`, `Simulated time: ${jst(view()?.now)} (+${view()?.clockOffsetDays ?? 0} days)`)}{' '}
        <For each={[1, 14, 30, 400]}>
          {(d) => (
            <button type="button" class="secondary" data-testid={`svc-clock-${d}`} data-guide={d === 14 ? 'clock-advance' : undefined} onClick={() =>
                act(async () => {
                  await call('advanceClock', d);
                  await refresh();
                })
              }>
              {t(`${d}日進める`, `+${d} days`)}
            </button>
          )}
        </For>{' '}
        <a href={href('/ra/trainer')}>{t('模擬RAのトレーナー画面（バックアップ・操作履歴）', 'Simulated RA trainer tab (backup, audit trail)')}</a>
      </p>
      <h3>{t('障害の注入', 'Fault injection')}</h3>
      <Show when={inst()}>
        {(i) => (
          <div class="ra-box" data-testid="svc-faults">
            <For each={i().domains}>
              {(d) => (
                <label class="svc-field">
                  <span class="mono">{d}</span>{' '}
                  <select data-testid={`svc-fault-${d}`} data-guide="fault-select" data-domain={d} value={i().domainFaults?.[d] ?? 'none'} onChange={(e) => setFault(d, e.currentTarget.value as DomainFault | 'none')}>
                    <For each={FAULTS}>{(f) => <option value={f.id}>{tr(f.label)}</option>}</For>
                  </select>
                </label>
              )}
            </For>
            <p>
              {t(`証明書発行承認有効期限: ${i().approvalExpires}`, `Approval valid until: ${i().approvalExpires}`)}{' '}
              <button type="button" class="secondary" data-testid="svc-fault-approval" onClick={expireApproval}>
                {t('承認期限切れにする', 'Let the approval expire')}
              </button>{' '}
              <button type="button" class="secondary" onClick={renewApproval}>
                {t('承認を更新', 'Renew the approval')}
              </button>
            </p>
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {tr(error()!)}
        </p>
      </Show>
      <TrainingTrainer />
      <Mailbox role="trainer" />
    </section>
  );
};
