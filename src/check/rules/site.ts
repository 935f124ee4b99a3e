/**
 * site.yaml: read by src/config/settings.ts (`safeParseSettings`, the one parse); this module only
 * says where each problem is and what to write instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { safeParseSettings } from '../../config/settings.ts';
import type { PolicyOptions } from '../../markdown/html-policy.ts';
import { siteSchema } from '../../schemas/site.ts';
import { describeValue, fieldLabel, getAt, locator, readYamlText, type Problems } from '../context.ts';
import { nearest, SITE_FIELDS } from '../fields.ts';
import { explainYamlFailure } from '../yaml.ts';

const DEFAULT_POLICY: PolicyOptions = { siteUrl: 'http://localhost', mediaOrigins: [] };

/** Check site.yaml; returns the HTML policy the body rules use (defaults when site.yaml has errors). */
export function checkSite(contentDir: string, show: (abs: string) => string, out: Problems): PolicyOptions {
  const abs = path.join(contentDir, 'site.yaml');
  if (!existsSync(abs)) return DEFAULT_POLICY;
  const file = show(abs);
  const text = readYamlText(abs, file, out);
  if (text === null) return DEFAULT_POLICY;
  const reading = safeParseSettings(text);
  if (!reading.ok && 'yaml' in reading) {
    const p = explainYamlFailure(text, reading.yaml);
    out.error({ file, line: p.index + 1, message: p.message, hint: p.hint });
    return DEFAULT_POLICY;
  }
  const raw = reading.raw;
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    out.error({ file, line: 1, message: 'site.yaml 应该是“字段名: 内容”的设置列表', hint: SITE_FIELDS.url!.example });
    return DEFAULT_POLICY;
  }
  const at = locator(text.split('\n'), 1);
  if (!reading.ok) {
    for (const issue of reading.issues) {
      const p = issue.path as (string | number)[];
      const info = SITE_FIELDS[String(p[0])];
      out.error({
        file,
        ...at(p),
        field: fieldLabel(p),
        message: `${info ? `${info.name}：` : ''}${issue.message}（现在是：${describeValue(getAt(raw, p))}）`,
        hint: info ? `照这样写：${info.example}` : '按 docs/authoring.md 中 site.yaml 的说明填写',
      });
    }
  }
  for (const key of Object.keys((raw ?? {}) as object)) {
    if (key in SITE_FIELDS || key in siteSchema.shape) continue;
    out.warn({
      file,
      ...at([key]),
      field: key,
      message: `site.yaml 里没有 ${key} 这个设置，会被忽略`,
      hint: `是不是 ${nearest(key, Object.keys(SITE_FIELDS), 1)[0]}？`,
    });
  }
  return reading.ok ? { siteUrl: reading.settings.url, mediaOrigins: reading.settings.mediaOrigins, base: reading.settings.base } : DEFAULT_POLICY;
}
