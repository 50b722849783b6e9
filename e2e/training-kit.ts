// The generic driver of e2e/training.spec.ts: plays a scenario by following only the training panel — it reads the
// panel's step (acting role, target), presses 「この役割に切り替える」, and acts on the highlighted [data-guide] control
// through a small table (target → how to act), until the panel says finished. A new scenario runs through it by adding
// rows to ACTIONS (and, for an upload step, its practice file row in src/ui/training/panel/practice.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sjisRows } from './ra-kit';
import { download, unzip } from './service-kit';

/** What the driver picked up on the way, as a trainee would: PINs handed over, files saved. */
export interface DriverState {
  /** Access PINs by user mail (from clientPin.txt) and the desk's PIN for the RA operator. */
  pins: Map<string, string>;
  deskPin?: string;
  /** Every file saved, by the step that saved it. */
  files: { step: string; path: string }[];
  /** The P12 passphrase the driver chose for browser issuance (and the JPNIC install). */
  passphrase: string;
  /** The PIN of the renewed RA operator P12, shown once on the renewal page. */
  p12Pin?: string;
  /** JPNIC: the account registered, the license ID's screen blocks handed over, the serial noted at a reissue. */
  jpnic?: { accountId?: string; screenBlocks?: string; serial?: string };
}

export interface PanelStep {
  step: string;
  role: string;
  target: string;
  kind?: string;
}

type Action = (page: Page, step: PanelStep, state: DriverState) => Promise<void>;

const highlighted = (page: Page, selector: string): Locator => page.locator(`${selector}.guide-highlight`).first();

/** The panel's current step, or undefined when it says finished. */
export async function readPanel(page: Page): Promise<PanelStep | undefined> {
  const panel = page.getByTestId('training-panel');
  await expect(panel).toBeVisible();
  if ((await panel.getAttribute('data-finished')) === 'true') return undefined;
  const kind = page.getByTestId('tp-kind');
  return {
    step: (await panel.getAttribute('data-step')) ?? '',
    role: (await panel.getAttribute('data-role')) ?? '',
    target: (await panel.getAttribute('data-target')) ?? '',
    kind: (await kind.count()) > 0 ? ((await kind.getAttribute('data-kind')) ?? undefined) : undefined,
  };
}

/** 「練習用ファイルを作る」 on the panel: the file the step uploads. */
async function practiceFile(page: Page, step: PanelStep, state: DriverState): Promise<string> {
  const path = await download(page, page.getByTestId('tp-practice'));
  state.files.push({ step: step.step, path });
  return path;
}

/** A zip of PINs, when a download was one: remember each user's PIN (clientPin.txt / clientAllPin.txt: No, mail, PIN). */
function rememberPins(path: string, state: DriverState): void {
  if (!path.endsWith('.zip')) return;
  const out = unzip(path);
  for (const name of ['clientPin.txt', 'clientAllPin.txt']) {
    if (!readdirSync(out).includes(name)) continue;
    for (const row of sjisRows(join(out, name))) state.pins.set(row[1], row[2]);
  }
}

/** The RA operator's way to an upload, along the highlighted controls, then 処理内容, the file, [アップロード], [OK]. */
export async function uploadAsOperator(page: Page, kind: string, file: string): Promise<Locator> {
  const family = kind.split('-')[0];
  if (!(await page.getByTestId('nii-system').isVisible())) {
    await page.getByTestId('svc-role-ra').click();
    await highlighted(page, '[data-testid="svc-ra-system"]').click();
  }
  await expect(page.getByTestId('nii-login').or(page.getByTestId('nii-menu'))).toBeVisible();
  if (await page.getByTestId('nii-login').isVisible()) {
    await page.getByTestId('svc-picker-option').first().check();
    await highlighted(page, '[data-testid="nii-login-ok"]').click();
  }
  await highlighted(page, `[data-testid="nii-menu-${family}-upload"]`).click();
  await expect(highlighted(page, `[data-testid="nii-upload-${family}"]`)).toBeVisible();
  // Not through the highlight from here on: the step may be done (and its highlight gone) as soon as the file registers.
  const screen = page.getByTestId(`nii-upload-${family}`);
  await screen.getByTestId('nii-kind').selectOption(kind);
  await screen.getByTestId('nii-file').setInputFiles(file);
  await screen.getByTestId('nii-upload').click();
  await screen.getByTestId('nii-review-ok').click();
  await expect(screen.getByTestId('ra-complete').or(screen.getByTestId('ra-error'))).toBeVisible({ timeout: 60_000 });
  return screen;
}

export const ACTIONS: Record<string, Action> = {
  // The RA operator's upload: the highlighted way in (RA system → certificate login → the family's menu), then the
  // practice file with the panel's 処理内容, [アップロード] and the 審査項目 [OK].
  'ra-upload': async (page, step, state) => {
    const file = await practiceFile(page, step, state);
    await uploadAsOperator(page, step.kind ?? 'server-issue', file);
  },
  // A mail's one-time URL: the highlighted mail, its highlighted URL, then the page behind it — a download, or the
  // access PIN (handed over earlier) and the highlighted button.
  'mail-link': async (page, step, state) => {
    // A user's screen shows one user's inbox at a time: look through the users for the mail the panel highlights.
    const subject = highlighted(page, '[data-testid="svc-mail-subject"]');
    const picker = page.getByTestId('svc-user-pick');
    if (step.role === 'user' && (await picker.count()) > 0) {
      for (const value of await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
        await picker.selectOption(value);
        // The highlight follows the page on the next animation frame: give it a moment before trying the next user.
        const found = await expect(subject)
          .toBeVisible({ timeout: 3000 })
          .then(() => true, () => false);
        if (found) break;
      }
    }
    await subject.click();
    await highlighted(page, '[data-testid="svc-mail-link"]').click();
    // The URL's page, not the inbox it came from (whose link is highlighted too until the route changes).
    await expect(page).toHaveURL(/\/url\//);
    await expect(page.locator('.svc-url [data-guide~="mail-link"].guide-highlight').first()).toBeVisible();
    const pin = page.locator('[data-guide="url-pin"]');
    // The RA operator's renewal page: the browser's certificate dialog, the current certificate (the only one yet).
    const renewal = await page.getByTestId('svc-operator-renew').isVisible();
    if (renewal) await page.getByTestId('svc-cert-picker').getByTestId('svc-picker-option').first().check();
    if (await pin.isVisible()) {
      const value = step.role === 'ra-operator' ? state.deskPin : [...state.pins.values()].at(-1);
      expect(value, 'a PIN was handed over before this step').toBeTruthy();
      await pin.fill(value!);
      const pass = page.getByLabel('P12ファイルのパスフレーズ');
      if (await pass.isVisible()) {
        await pass.fill(state.passphrase);
        await page.getByLabel('パスフレーズ（確認）').fill(state.passphrase);
      }
    }
    const path = await download(page, highlighted(page, '[data-guide~="mail-link"]'));
    state.files.push({ step: step.step, path });
    rememberPins(path, state);
    if (renewal) state.p12Pin = (await page.getByTestId('svc-operator-p12pin').textContent())!.trim();
  },
  'clock-advance': async (page) => {
    await highlighted(page, '[data-guide~="clock-advance"]').click();
  },
  'operator-register': async (page, _step, state) => {
    await highlighted(page, '[data-guide~="operator-register"]').click();
    state.deskPin = (await page.getByTestId('svc-desk-pin-value').textContent())!.trim();
  },
  // The desk: renewal of the certificate in use (not one already renewed), revocation of the renewed old one (the
  // row the desk marks 「有効（更新済み・旧）」, as the step's hint says).
  'operator-renew': async (page) => {
    await page.locator('[data-testid="svc-desk-operator"]:not([data-renewed]) [data-guide~="operator-renew"].guide-highlight').first().click();
    await expect(page.getByTestId('svc-desk-message')).toContainText('更新手続きのメール');
  },
  'operator-revoke': async (page) => {
    await page.locator('[data-testid="svc-desk-operator"][data-renewed="true"] [data-guide~="operator-revoke"].guide-highlight').click();
    await expect(page.getByTestId('svc-desk-message')).toContainText('失効しました');
  },
  // The trainer's fault selector of the first domain (the practice files' domain): the option the instruction names
  // in 「」 (「WHOIS接続失敗」, then 「正常」).
  'fault-select': async (page) => {
    const instruction = (await page.getByTestId('tp-instruction').textContent()) ?? '';
    const select = highlighted(page, '[data-guide~="fault-select"]');
    const labels = await select.locator('option').allTextContents();
    const label = labels.find((l) => instruction.includes(`「${l}」`));
    expect(label, `the instruction names one of ${labels.join(', ')}`).toBeDefined();
    await select.selectOption({ label: label! });
  },
  'jpnic-register': async (page, _step, state) => {
    await jpnicManagerLogin(page);
    await page.getByTestId('jp-register-user').fill('研修 太郎');
    await highlighted(page, '[data-guide~="jpnic-register"]').click();
    const row = page.getByTestId('jp-account-row').filter({ hasText: '研修 太郎' }).first();
    await expect(row).toBeVisible();
    state.jpnic = { accountId: (await row.getAttribute('data-account'))! };
  },
  // 発行 / 再発行: the highlighted button of the account, the 認証局システム's certificate dialog, the form, then the license
  // screen's two blocks (and, at a reissue, the new serial number) handed over to the applicant.
  'jpnic-issue': async (page, _step, state) => {
    await jpnicManagerLogin(page);
    await highlighted(page, '[data-guide~="jpnic-issue"]').click();
    await page.getByTestId('jp-picker-ok').click();
    await page.getByTestId('jp-apply-name').fill('Taro Kenshu');
    await page.getByTestId('jp-apply-email').fill('taro.kenshu@example.ac.jp');
    await page.getByTestId('jp-apply-submit').click();
    await handOverLicense(page, state);
  },
  'jpnic-reissue': async (page, _step, state) => {
    await jpnicManagerLogin(page);
    await highlighted(page, '[data-guide~="jpnic-reissue"]').click();
    await page.getByTestId('jp-picker-ok').click();
    await page.getByTestId('jp-renew-submit').click();
    await handOverLicense(page, state);
    state.jpnic!.serial = (await page.getByTestId('jp-license-serial').textContent())!.trim();
  },
  'jpnic-revoke': async (page) => {
    await jpnicManagerLogin(page);
    await highlighted(page, '[data-guide~="jpnic-revoke"]').click();
    await page.getByTestId('jp-picker-ok').click();
    await page.getByTestId('jp-revoke-confirm').click();
    await expect(page.getByTestId('jp-revoked')).toBeVisible();
  },
  // The applicant: the two blocks handed over and the last block from the newest mail, then the install; the P12 saved.
  'jpnic-license': async (page, step, state) => {
    await expect(page.getByTestId('jp-applicant')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('jp-applicant-select').selectOption(state.jpnic!.accountId!);
    const box = page.getByTestId('jp-applicant-mailbox');
    await box.getByTestId('jp-mail-subject').first().click();
    const last = /ライセンスID（第3ブロック）: ([A-Z0-9]{5})/.exec((await box.getByTestId('jp-mail-body').textContent()) ?? '');
    expect(last, 'the mail carries the last block').not.toBeNull();
    await highlighted(page, '[data-guide~="jpnic-license"]').fill(`${state.jpnic!.screenBlocks}-${last![1]}`);
    await page.getByTestId('jp-license-check').click();
    await page.getByTestId('jp-get').click();
    await page.getByTestId('jp-pass1').fill(state.passphrase);
    await page.getByTestId('jp-pass2').fill(state.passphrase);
    await page.getByTestId('jp-install-button').click();
    await page.getByTestId('jp-host-check').check();
    await page.getByTestId('jp-warning-yes').click();
    await expect(page.getByTestId('jp-installed')).toBeVisible({ timeout: 60_000 });
    state.files.push({ step: step.step, path: await download(page, page.getByTestId('jp-save-p12-now')) });
  },
};

/** The JPNIC manager's screen: logged in through the highlighted login and the browser's certificate dialog. */
async function jpnicManagerLogin(page: Page): Promise<void> {
  const menu = page.getByTestId('jp-manager-menu');
  // The first visit makes the JPNIC CAs: give it time.
  await expect(page.getByTestId('jp-manager-login').or(menu)).toBeVisible({ timeout: 60_000 });
  if (await menu.isVisible()) return;
  await highlighted(page, '[data-testid="jp-manager-login"]').click();
  await page.getByTestId('jp-picker-ok').click();
  await expect(menu).toBeVisible();
}

async function handOverLicense(page: Page, state: DriverState): Promise<void> {
  await expect(page.getByTestId('jp-license-screen')).toBeVisible();
  const blocks = await page.getByTestId('jp-license-block').allTextContents();
  expect(blocks).toHaveLength(2);
  state.jpnic = { ...state.jpnic, screenBlocks: blocks.join('-') };
}

/** A state with nothing picked up yet and the passphrase the driver types. */
export const freshState = (): DriverState => ({ pins: new Map(), files: [], passphrase: 'training pass 7' });

/** Opens the service and plays one built-in scenario from the trainer's chooser to the finished screen. */
export async function play(page: Page, id: string, state: DriverState, between?: (done: string) => Promise<void>): Promise<string[]> {
  await page.goto('/#/service/trainer');
  await startScenario(page, id);
  const played = await playToEnd(page, state, between);
  await expect(page.getByTestId('tp-finished')).toBeVisible();
  return played;
}

/**
 * The start of a test that plays a whole scenario: five minutes for it and a fresh state. With `operatorFirst` the
 * RA operator's certificate is made first, by its own scenario: every upload of the other scenarios logs in with it.
 */
export async function longScenario(page: Page, { operatorFirst }: { operatorFirst: boolean }): Promise<DriverState> {
  test.setTimeout(300_000);
  if (operatorFirst) expect(await play(page, 'operator-certificate', freshState())).toEqual(['registered', 'fetched']);
  return freshState();
}

/** Plays the active scenario to its end; `between` runs after each step (e.g. a reload). */
export async function playToEnd(page: Page, state: DriverState, between?: (done: string) => Promise<void>): Promise<string[]> {
  const played: string[] = [];
  for (let guard = 0; guard < 50; guard++) {
    const step = await readPanel(page);
    if (!step) return played;
    const act = ACTIONS[step.target];
    expect(act, `no driver row for target ${step.target}`).toBeDefined();
    await page.getByTestId('tp-switch-role').click();
    await act(page, step, state);
    await expect(page.getByTestId('training-panel')).not.toHaveAttribute('data-step', step.step, { timeout: 60_000 });
    played.push(step.step);
    await between?.(step.step);
  }
  throw new Error('the scenario did not finish in 50 steps');
}

/** Starts a built-in scenario from the trainer's chooser (開始 of its entry). */
export async function startScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId('svc-role-trainer').click();
  await page.getByTestId(`training-start-${id}`).click();
  await expect(page.getByTestId(`training-scenario-${id}`).locator('.badge')).toBeVisible(); // 実施中
  await expect(page.getByTestId('training-active-step')).toContainText('ステップ 1 /');
  await expect(page.getByTestId('training-panel')).toHaveAttribute('data-step', /./);
}

/** A Shift-JIS TSV without header, decoded by iconv. */
export function tsvRows(path: string): string[][] {
  return execFileSync('iconv', ['-f', 'CP932', '-t', 'UTF-8', path], { encoding: 'utf8' })
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}
