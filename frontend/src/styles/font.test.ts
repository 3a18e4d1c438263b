import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodePackageImporter, compile } from 'sass';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// A council service must not use GDS Transport (licensed for GOV.UK only): Arial through govuk-frontend's settings.
describe('the typeface', () => {
  it('compiles GOV.UK Frontend with Arial and no GDS Transport font face', () => {
    const css = compile(join(here, 'govuk.scss'), { importers: [new NodePackageImporter()], quietDeps: true }).css;
    expect(css).not.toMatch(/GDS Transport/i);
    expect(css).not.toMatch(/@font-face/);
    expect(css).not.toMatch(/\.woff2?\b/);
    expect(css).toMatch(/font-family: arial, sans-serif/);
  }, 90_000); // all of GOV.UK Frontend's Sass, on a busy shared machine

  it('loads no precompiled GOV.UK stylesheet (it names GDS Transport) and no stylesheet of ours names it', () => {
    const sources = filesUnder(join(root, 'src')).filter((f) => /\.(tsx?|css|scss)$/.test(f) && !f.endsWith('.test.ts'));
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/govuk-frontend\.min\.css/);
      if (!file.endsWith('.scss')) expect(text, file).not.toMatch(/GDS Transport/i);
    }
  });

  // Checked whenever a build is present (the Maven build runs the tests after `vite build`).
  it.runIf(existsSync(join(root, 'dist', 'index.html')))('ships no font files and no CSS naming GDS Transport', () => {
    const files = filesUnder(join(root, 'dist'));
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))).toEqual([]);
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      expect(readFileSync(css, 'utf8'), css).not.toMatch(/GDS Transport|\/assets\/fonts\//);
    }
  });
});
