import { describe, expect, it } from 'vitest';
import { blankProfile, profileErrors, rowFieldIssues } from './institution';

const OK = { ...blankProfile('p'), o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku' };

describe('profile row fields, checked as the validator checks the column they fill', () => {
  it('blank row fields are allowed (each row then asks for the value)', () => {
    expect(profileErrors(OK)).toEqual([]);
  });

  it('a character outside JIS X 0208, a malformed mail and an over-long department are errors; spaces around the software only a warning', () => {
    const p = { ...OK, adminName: '髙橋 太郎', adminMail: 'admin@', adminDept: 'x'.repeat(65), software: ' nginx' };
    expect(rowFieldIssues(p, 'adminName').map((i) => [i.code, i.severity])).toEqual([['U204', 'error']]);
    expect(rowFieldIssues(p, 'adminMail').map((i) => i.code)).toEqual(['206']);
    expect(rowFieldIssues(p, 'adminDept').map((i) => i.code)).toEqual(['202']);
    expect(rowFieldIssues(p, 'software').map((i) => [i.code, i.severity])).toEqual([['U209', 'warning']]);
    expect(profileErrors(p).map((i) => i.code)).toEqual(['U204', '202', '206']);
  });
});
