// Text at the boundary: lone UTF-16 surrogates (half a pair, which SQLite stores as bytes that
// read back differently) are refused in every free-text field, search box and password, while
// proper pairs (emoji, historic scripts) pass; passwords are refused when blank or common.
import { describe, expect, it } from 'vitest';
import { RECORDS } from '../../lib/domain/records/all-records';
import { findActorsSchema } from '../../lib/validation/actor-queries';
import { requiredTextSchema, textSchema } from '../../lib/validation/common';
import { findSourcesSchema } from '../../lib/validation/source-queries';
import { createUserSchema, passwordSchema, signInSchema } from '../../lib/validation/users';

const LONE = ['\uD800', 'Lukashenko \uDC00', 'a\uD83D', '\uDE00b'];
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.error?.issues ?? []).map((i) => i.message).join('; ');

describe('lone surrogates', () => {
  it('are refused in free text, with a message that says what is wrong', () => {
    for (const value of LONE) {
      const result = textSchema(100).safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(messages(result)).toMatch(/broken character/);
      expect(requiredTextSchema(100, 'Name').safeParse(value).success).toBe(false);
    }
    expect(textSchema(100).safeParse('Лукашенко 😀 𝄞').success).toBe(true);
  });

  it('are refused in every record text field that takes free text', () => {
    const actor = RECORDS.actor.create.safeParse({ slug: 'a-b', name: 'Name \uD800', kind: 'person', faction: 'other' });
    expect(actor.success).toBe(false);
    expect(RECORDS.actor.create.safeParse({ slug: 'a-b', name: 'Name', kind: 'person', faction: 'other', summary: '\uDFFF' }).success).toBe(false);
    expect(RECORDS.source.create.safeParse({ title: 'T\uD800', reliability: 'E' }).success).toBe(false);
    expect(RECORDS.note.create.safeParse({ tie: 'tertel-leads-kgb', body: 'note \uDC01' }).success).toBe(false);
    // The same inputs with whole characters pass: the surrogate is what was refused.
    expect(RECORDS.actor.create.safeParse({ slug: 'a-b', name: 'Name 😀', kind: 'person', faction: 'other' }).success).toBe(true);
    expect(RECORDS.source.create.safeParse({ title: 'T 😀', reliability: 'E' }).success).toBe(true);
    expect(RECORDS.note.create.safeParse({ tie: 'tertel-leads-kgb', body: 'note 😀' }).success).toBe(true);
  });

  it('are refused in search text, passwords and sign-in', () => {
    expect(findActorsSchema.safeParse({ q: 'Tertel\uD800' }).success).toBe(false);
    expect(findSourcesSchema.safeParse({ q: '\uDC00' }).success).toBe(false);
    expect(findActorsSchema.safeParse({ q: 'Тэртэль' }).success).toBe(true);
    expect(messages(passwordSchema.safeParse('a perfectly fine pass\uD800'))).toMatch(/broken character/);
    expect(signInSchema.safeParse({ email: 'a@example.test', password: 'x\uD800' }).success).toBe(false);
  });
});

describe('new passwords', () => {
  it('keep the length rules', () => {
    expect(messages(passwordSchema.safeParse('elevenchars'))).toMatch(/at least 12/);
    expect(messages(passwordSchema.safeParse('x'.repeat(129)))).toMatch(/at most 128/);
  });

  it('may not be blank or common, and say why', () => {
    expect(messages(passwordSchema.safeParse(' '.repeat(12)))).toBe('Password cannot be only spaces');
    expect(messages(passwordSchema.safeParse('\t\n'.repeat(8)))).toBe('Password cannot be only spaces');
    for (const common of ['password1234', 'qwertyuiop12', '123456789012', 'iloveyou1234', 'Passw0rd!234', 'aaaaaaaaaaaa', 'abcdefghijkl']) {
      expect(messages(passwordSchema.safeParse(common)), common).toMatch(/too common or easy to guess/);
    }
    const user = createUserSchema.safeParse({ email: 'x@example.test', name: 'X', role: 'viewer', password: 'password1234' });
    expect(user.success).toBe(false);
    expect(user.error?.issues[0].path).toEqual(['password']);
  });

  it('accept passphrases and random-looking ones', () => {
    for (const good of ['correct horse battery staple', 'e2e-viewer-password-0417', 'initial-password-0417', 'a long sample password 123', 'vN7#qL2!xR9@']) {
      expect(passwordSchema.safeParse(good).success, good).toBe(true);
    }
  });
});
