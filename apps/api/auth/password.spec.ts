import { generatePassword, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the password it hashed and rejects another', async () => {
    const stored = await hashPassword('rätt lösenord');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('rätt lösenord', stored)).resolves.toBe(true);
    await expect(verifyPassword('fel lösenord', stored)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('x'.repeat(12))).not.toBe(await hashPassword('x'.repeat(12)));
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    await expect(verifyPassword('a', 'plain-text')).resolves.toBe(false);
  });

  it('generates passwords long enough to be safe', () => {
    expect(generatePassword().length).toBeGreaterThanOrEqual(20);
  });
});
