import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStorage } from './directory-storage.js';
import { IncompleteUploadError } from './incomplete-upload-error.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-server-storage-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const body = (content: string): Readable => Readable.from([Buffer.from(content)]);
const readText = async (storage: DirectoryStorage, hash: string): Promise<string | undefined> => {
  const entry = await storage.read(hash);
  return entry && text(entry.body);
};
const files = (folder: string): string[] => readdirSync(join(dir, folder)).sort();

describe('DirectoryStorage', () => {
  it('stores an entry whole and reads it back', async () => {
    const storage = await DirectoryStorage.open({ dir });
    expect(await storage.write('1', body('hello'), 5)).toBe('stored');
    expect(await storage.has('1')).toBe(true);
    const opened = await storage.read('1');
    expect(opened?.size).toBe(5);
    opened?.body.destroy();
    expect(await readText(storage, '1')).toBe('hello');
    expect(await storage.read('2')).toBeUndefined();
    expect(storage.usage()).toEqual({ entries: 1, bytes: 5 });
    expect(files('entries')).toEqual(['1']);
    expect(files('tmp')).toEqual([]);
  });

  it('never replaces an entry', async () => {
    const storage = await DirectoryStorage.open({ dir });
    await storage.write('1', body('first'), 5);
    expect(await storage.write('1', body('other'), 5)).toBe('exists');
    expect(readFileSync(join(dir, 'entries', '1'), 'utf8')).toBe('first');
  });

  it.each([
    ['ends early', () => body('hel'), 5, 3],
    ['brings more than declared', () => body('hello, world'), 5, 12],
    [
      'fails midway',
      () =>
        Readable.from(
          (async function* () {
            yield Buffer.from('he');
            throw new Error('connection reset');
          })(),
        ),
      5,
      2,
    ],
  ])('stores nothing when the body %s', async (_, makeBody, length, received) => {
    const storage = await DirectoryStorage.open({ dir });
    const failure = storage.write('1', makeBody(), length);
    await expect(failure).rejects.toBeInstanceOf(IncompleteUploadError);
    await expect(failure).rejects.toMatchObject({ hash: '1', received, declared: length });
    expect(await storage.has('1')).toBe(false);
    expect(files('entries')).toEqual([]);
    expect(files('tmp')).toEqual([]);
    expect(await storage.write('1', body('hello'), 5)).toBe('stored');
  });

  it('deletes leftovers of interrupted uploads and indexes the entries when it opens', async () => {
    mkdirSync(join(dir, 'entries'), { recursive: true });
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'entries', '7'), 'seven');
    writeFileSync(join(dir, 'tmp', '8.partial'), 'half of eig');
    const storage = await DirectoryStorage.open({ dir });
    expect(files('tmp')).toEqual([]);
    expect(storage.usage()).toEqual({ entries: 1, bytes: 5 });
    expect(await readText(storage, '7')).toBe('seven');
  });

  it('evicts the least recently read entries above the retention limit', async () => {
    const evicted: string[] = [];
    const storage = await DirectoryStorage.open({ dir, maxBytes: 25, onEvict: (hash) => evicted.push(hash) });
    await storage.write('a', body('aaaaaaaaaa'), 10);
    await storage.write('b', body('bbbbbbbbbb'), 10);
    await readText(storage, 'a');
    await storage.write('c', body('cccccccccc'), 10);
    expect(evicted).toEqual(['b']);
    expect(files('entries')).toEqual(['a', 'c']);
    expect(storage.usage()).toEqual({ entries: 2, bytes: 20 });
  });

  it('keeps the read order across a restart (in the access time) and applies a lowered limit on open', async () => {
    const first = await DirectoryStorage.open({ dir });
    await first.write('old', body('0123456789'), 10);
    await first.write('new', body('0123456789'), 10);
    utimesSync(join(dir, 'entries', 'new'), new Date(2_000_000_000_000), new Date(2_000_000_000_000));
    utimesSync(join(dir, 'entries', 'old'), new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    const evicted: string[] = [];
    const second = await DirectoryStorage.open({ dir, maxBytes: 15, onEvict: (hash) => evicted.push(hash) });
    expect(evicted).toEqual(['old']);
    expect(existsSync(join(dir, 'entries', 'new'))).toBe(true);
    expect(second.usage()).toEqual({ entries: 1, bytes: 10 });
  });

  it('refuses a folder it cannot write with ASW-905', async () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    await expect(DirectoryStorage.open({ dir: join(dir, 'not-a-folder') })).rejects.toThrow(
      expect.objectContaining({
        code: 'ASW-905',
        message: expect.stringContaining('give --dir a folder on a local file system the server can write'),
      }),
    );
  });
});
