import type { Tree } from '@nx/devkit';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', '.nx']);

/** Every file under `folder`, skipping build output and installed packages. */
export function listFiles(tree: Tree, folder: string): string[] {
  return tree.children(folder).flatMap((child) => {
    const path = `${folder}/${child}`;
    if (tree.isFile(path)) return [path];
    return SKIPPED_FOLDERS.has(child) ? [] : listFiles(tree, path);
  });
}
