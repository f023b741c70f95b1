import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { APP_ICONS, MANIFEST_PATHS, THEME_COLOR, webManifest, type SiteLocale } from './web-manifest.ts';

const logo = fileURLToPath(new URL('../assets/logo.svg', import.meta.url));

/** Writes the install icons (PNG, from the logo) and both languages' manifests into the built site at `root`. */
export async function writeInstallAssets(root: string): Promise<void> {
  const svg = await readFile(logo);
  for (const icon of APP_ICONS) {
    // The SVG is rasterised at the icon's own size (its density scales the 64-unit viewBox), not scaled up from 64 px.
    let image = sharp(svg, { density: (72 * icon.size) / 64 }).resize(icon.size, icon.size);
    // A maskable icon must fill its square: the logo's transparent rounded corners take the tile's orange.
    if (icon.purpose === 'maskable') image = image.flatten({ background: THEME_COLOR });
    const out = join(root, icon.file);
    await mkdir(dirname(out), { recursive: true });
    await image.png({ compressionLevel: 9 }).toFile(out);
  }
  for (const [locale, path] of Object.entries(MANIFEST_PATHS) as [SiteLocale, string][]) {
    const out = join(root, path);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(webManifest(locale), null, 2)}\n`);
  }
}
