import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyCredential } from '../../../src/server/index.js';

describe('stored owner passwords', () => {
  it('a PBKDF2 credential verifies its password and nothing else', async () => {
    const credential = await hashPassword('correct horse battery', 1000);
    assert.match(credential, /^pbkdf2-sha256:1000:[\w-]+:[\w-]+$/);
    assert.equal(credential.includes('correct horse'), false, 'the password is not in it');
    assert.equal(await verifyCredential(credential, 'correct horse battery'), true);
    assert.equal(await verifyCredential(credential, 'correct horse batter'), false);
    assert.equal(await verifyCredential(credential, ''), false);
  });

  it('two hashes of one password differ (a random salt each)', async () => {
    assert.notEqual(await hashPassword('same', 1000), await hashPassword('same', 1000));
  });

  it('a plain credential (demo accounts) compares whole, and unknown formats never match', async () => {
    assert.equal(await verifyCredential('plain:secret', 'secret'), true);
    assert.equal(await verifyCredential('plain:secret', 'secre'), false);
    assert.equal(await verifyCredential('plain:secret', 'secrets'), false);
    assert.equal(await verifyCredential('md5:abc', 'abc'), false);
    assert.equal(await verifyCredential('pbkdf2-sha256:x:y:z', 'abc'), false);
  });
});
