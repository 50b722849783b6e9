// The texts of the RA's completion and error screens (SPEC §7.2, ADDENDUM A). Verbatim where the
// sources show them; the client revocation screen and the method-2 bullets are ours (docs/ra-engine.md).
import type { Family, Action, Text } from '../spec/types';

const t = (ja: string, en: string): Text => ({ ja, en });

const UPLOAD_DONE = t('ファイルのアップロード処理が完了しました。', 'The file upload has been processed.');

export interface Screen {
  title: Text;
  lines: Text[];
  /** The manual's advice to the RA operator: help beside the screen, not the screen's own text. */
  help?: Text[];
  /** Ours, marked as the simulator's: what the real screen leaves the RA to infer. */
  notes?: Text[];
}

export function completionScreen(family: Family, action: Action, method?: string): Screen {
  if (action === 'revoke') {
    return {
      title: family === 'server'
        ? t('サーバ証明書　発行・更新・失効申請完了画面', 'Server certificate issue/renew/revoke: completed')
        : t('クライアント証明書　失効申請完了画面', 'Client certificate revocation: completed'),
      lines: [UPLOAD_DONE, t('失効申請が終了しました。登録担当者と利用管理者宛に失効処理後メールが送信されます。', 'The revocation is done; the RA operator and the administrator receive a notification.')],
    };
  }
  if (family === 'server') {
    return {
      title: t('サーバ証明書　発行・更新・失効申請完了画面', 'Server certificate issue/renew/revoke: completed'),
      lines: [
        UPLOAD_DONE,
        t('証明書発行処理が完了後、利用管理者様宛にワンタイムURL付き証明書発行案内メールを送信致します。', 'After issuance, the administrator receives a mail with a one-time URL.'),
        t('証明書ダウンロードが完了後、登録担当者様宛にダウンロード完了案内メールを送信致しますのでお待ち下さい。', 'After the download, the RA operator receives a download-complete mail.'),
      ],
    };
  }
  const title = t('クライアント証明書　発行・更新申請完了画面', 'Client certificate issue/renew: completed');
  if (method === '2') {
    return {
      title,
      lines: [
        UPLOAD_DONE,
        t('証明書発行処理が完了後、登録担当者様宛にワンタイムURL付きアクセスPIN取得案内メールを送信致します。', 'After issuance, the RA operator receives the access-PIN mail with a one-time URL.'),
        t('利用管理者様宛にワンタイムURL付き証明書発行案内メールを送信致します。 ワンタイムURLはアクセスPIN取得後、有効化されます。', 'The administrator receives the certificate mail with a one-time URL, which works after the PINs were fetched.'),
        t('証明書ダウンロードが完了後、登録担当者様と利用管理者様宛にダウンロード完了案内メールを送信致しますのでお待ち下さい。', 'After the download, the RA operator and the administrator receive a download-complete mail.'),
      ],
    };
  }
  return {
    title,
    lines: [
      UPLOAD_DONE,
      t('証明書発行処理が完了後、利用管理者様宛にワンタイムURL付きアクセスPIN取得案内メールを送信致します。', 'After issuance, the administrator receives the access-PIN mail with a one-time URL.'),
      t('利用者様宛にワンタイムURL付き証明書発行案内メールを送信致します。 ワンタイムURLはアクセスPIN取得後、有効化されます。', 'Each user receives a certificate mail with a one-time URL, which works after the PINs were fetched.'),
      t('証明書ダウンロードが完了後、登録担当者様と利用管理者様宛にダウンロード完了案内メールを送信致しますのでお待ち下さい。', 'After the download, the RA operator and the administrator receive a download-complete mail.'),
    ],
  };
}

const ACTION_WORD: Record<Action, Text> = { issue: t('発行', 'issue'), renew: t('更新', 'renewal'), revoke: t('失効', 'revocation') };

/**
 * The error screen prints its title and first line only (SPEC §7.2, ADDENDUM A); the word in that line
 * follows the kind (the sources show 発行 for an issue file). The manual's advice to the RA is `help`,
 * not screen text. In abort mode with clean rows, `notes` says that they were not registered either.
 */
export function errorScreen(family: Family, action: Action = 'issue', abortedCleanRows = 0): Screen {
  const word = ACTION_WORD[action];
  const notes =
    abortedCleanRows > 0
      ? [
          t(
            `「全件処理を中断する」が選択されていたため、エラーのないデータ（${abortedCleanRows}件）も含めて何も登録されていません。`,
            `“Abort the whole file” was selected, so nothing was registered, not even the ${abortedCleanRows} record(s) without errors.`,
          ),
        ]
      : undefined;
  return family === 'server'
    ? {
        title: t('サーバ証明書　発行・更新・失効申請エラー画面', 'Server certificate issue/renew/revoke: error'),
        lines: [t(`サーバ証明書　${word.ja}処理が以下のエラーにより正常終了しませんでした。`, `Server certificate ${word.en} did not complete because of the errors below.`)],
        help: [t('エラーの内容を確認し、申請したTSVファイルの修正依頼を利用管理者に行い、修正を行った上で、再度アップロードを行ってください。', 'Ask the administrator to correct the TSV file, then upload it again.')],
        ...(notes ? { notes } : {}),
      }
    : {
        title: t('クライアント証明書　発行・更新・失効申請エラー画面', 'Client certificate issue/renew/revoke: error'),
        lines: [t(`クライアント証明書　${word.ja}処理が以下のエラーにより正常終了しませんでした。`, `Client certificate ${word.en} did not complete because of the errors below.`)],
        ...(notes ? { notes } : {}),
      };
}
