#!/usr/bin/env node
// 生成示例内容所用的媒体文件（照片、一图清长图、视频及封面）。
// Generates the sample media under content/: photo-like JPEGs, the tall
// one-picture infographics (text taken from each entry's `outline`), and the
// three short showcase videos. Needs ImageMagick 6/7 (`convert`), ffmpeg with
// libx264 + libfreetype, and the Noto Sans CJK fonts. No npm packages.
//
//   node scripts/sample-media/generate.mjs            # everything
//   node scripts/sample-media/generate.mjs photos     # only photos
//   node scripts/sample-media/generate.mjs infographics videos
//
// Everything is seeded, so a re-run on the same tool versions gives the same bytes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CONTENT = join(ROOT, 'content');
const TMP = mkdtempSync(join(tmpdir(), 'red-columns-media-'));

const FONT_DIR = '/usr/share/fonts/opentype/noto';
const FONT_BOLD_FILE = existsSync(join(FONT_DIR, 'NotoSansCJK-Bold.ttc'))
  ? join(FONT_DIR, 'NotoSansCJK-Bold.ttc')
  : join(FONT_DIR, 'NotoSansCJK-Regular.ttc');
const IM_FONT_BOLD = 'Noto-Sans-CJK-SC-Bold';
const PANGO_FAMILY = 'Noto Sans CJK SC';

const CONVERT = process.env.CONVERT || 'convert';
const FFMPEG = process.env.FFMPEG || 'ffmpeg';

function im(args) {
  execFileSync(CONVERT, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}
function identify(file, fmt) {
  return execFileSync('identify', ['-format', fmt, file]).toString().trim();
}
function ff(args) {
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const out = (p) => {
  const file = join(CONTENT, p);
  mkdirSync(dirname(file), { recursive: true });
  return file;
};
const tmp = (name) => join(TMP, name);

// Small deterministic PRNG (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
const f = (n) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------
// People (simple silhouettes; blurred and noised later they read as a photo)

const SKIN = ['#e3bb96', '#d9aa82', '#eac6a4', '#cf9f78'];
const HAIR = ['#1a1512', '#231c17', '#2d241d', '#3a3029', '#151515'];
const CLOTHES = ['#1f2a3d', '#2b2b2e', '#f2f2ee', '#3b4d66', '#595f66', '#e9e4da', '#24344f'];

function personFacing(r, x, y, rad, clothes) {
  const skin = pick(r, SKIN);
  const hair = pick(r, HAIR);
  const c = clothes || pick(r, CLOTHES);
  const w = rad * 1.75;
  const top = y + rad * 1.05;
  let s = '';
  // legs
  s += ` fill '#23262c' rectangle ${f(x - w * 0.62)},${f(top + rad * 4.2)} ${f(x - w * 0.08)},${f(top + rad * 9)}`;
  s += ` rectangle ${f(x + w * 0.08)},${f(top + rad * 4.2)} ${f(x + w * 0.62)},${f(top + rad * 9)}`;
  // torso and arms
  s += ` fill '${c}' roundrectangle ${f(x - w)},${f(top)} ${f(x + w)},${f(top + rad * 4.6)} ${f(rad * 0.9)},${f(rad * 0.9)}`;
  if (c === '#c4161c' || c === '#d0202a') {
    // a red volunteer vest over a white shirt
    s += ` fill '#f4f1ea' polygon ${f(x - rad * 0.45)},${f(top)} ${f(x + rad * 0.45)},${f(top)} ${f(x)},${f(top + rad * 1.4)}`;
  } else {
    s += ` fill '#f4f1ea' polygon ${f(x - rad * 0.35)},${f(top)} ${f(x + rad * 0.35)},${f(top)} ${f(x)},${f(top + rad * 1.0)}`;
  }
  // neck, face, hair
  s += ` fill '${skin}' rectangle ${f(x - rad * 0.35)},${f(y + rad * 0.6)} ${f(x + rad * 0.35)},${f(top + rad * 0.2)}`;
  s += ` fill '${skin}' ellipse ${f(x)},${f(y)} ${f(rad * 0.86)},${f(rad)} 0,360`;
  s += ` fill '${hair}' ellipse ${f(x)},${f(y - rad * 0.28)} ${f(rad * 0.92)},${f(rad * 0.78)} 180,360`;
  return s;
}

function personBack(r, x, y, rad, clothes) {
  const hair = pick(r, HAIR);
  const c = clothes || pick(r, CLOTHES);
  let s = '';
  s += ` fill '${c}' roundrectangle ${f(x - rad * 1.9)},${f(y + rad * 0.9)} ${f(x + rad * 1.9)},${f(y + rad * 6)} ${f(rad)},${f(rad)}`;
  s += ` fill '#d7ad88' rectangle ${f(x - rad * 0.38)},${f(y + rad * 0.5)} ${f(x + rad * 0.38)},${f(y + rad * 1.05)}`;
  s += ` fill '${hair}' ellipse ${f(x)},${f(y)} ${f(rad * 0.92)},${f(rad)} 0,360`;
  return s;
}

// ---------------------------------------------------------------------------
// Scenes. Each returns convert arguments that draw an upright W×H scene.

function banner(W, H, x0, y0, x1, y1, line1, line2) {
  const bw = Math.max(3, Math.round(W / 320));
  const p1 = Math.round((y1 - y0) * 0.3);
  const p2 = Math.round((y1 - y0) * 0.18);
  const cx = Math.round((x0 + x1) / 2 - W / 2);
  return [
    '-fill', '#a8121a', '-draw', `rectangle ${x0},${y0} ${x1},${y1}`,
    '-fill', 'none', '-stroke', '#e0b04a', '-strokewidth', String(bw),
    '-draw', `rectangle ${x0 + bw * 3},${y0 + bw * 3} ${x1 - bw * 3},${y1 - bw * 3}`,
    '-stroke', 'none',
    '-font', IM_FONT_BOLD, '-fill', '#ffd66b', '-gravity', 'North',
    '-pointsize', String(p1), '-annotate', `+${cx}+${Math.round(y0 + (y1 - y0) * 0.16)}`, line1,
    '-pointsize', String(p2), '-annotate', `+${cx}+${Math.round(y0 + (y1 - y0) * 0.6)}`, line2,
    '+gravity',
  ];
}

function sceneMeeting(W, H, o) {
  const r = rng(o.seed);
  const args = [
    '-size', `${W}x${H}`, `gradient:${o.wallTop || '#eadbc2'}-${o.wallBottom || '#7a6650'}`,
    '(', '-size', `${W}x${H}`, 'radial-gradient:rgba(255,246,225,0.55)-rgba(255,246,225,0)', ')',
    '-compose', 'over', '-composite',
    // side windows with daylight
    '-fill', 'rgba(235,242,250,0.85)',
    '-draw', `rectangle ${f(W * 0.015)},${f(H * 0.1)} ${f(W * 0.075)},${f(H * 0.62)}`,
    '-draw', `rectangle ${f(W * 0.925)},${f(H * 0.1)} ${f(W * 0.985)},${f(H * 0.62)}`,
    // floor
    '-fill', '#5c4a3a', '-draw', `rectangle 0,${f(H * 0.74)} ${W},${H}`,
    ...banner(W, H, Math.round(W * 0.14), Math.round(H * 0.07), Math.round(W * 0.86), Math.round(H * 0.4), o.line1, o.line2),
    // shallow depth of field: the back wall is a little out of focus
    '-blur', `0x${f(W / 900)}`,
  ];
  let d = '';
  if (o.variant === 'speaker') {
    // lectern and a speaker in front of the banner, audience seen from behind
    d += personFacing(r, W * 0.5, H * 0.43, H * 0.045, '#1f2a3d');
    d += ` fill '#6b3f22' polygon ${f(W * 0.42)},${f(H * 0.52)} ${f(W * 0.58)},${f(H * 0.52)} ${f(W * 0.565)},${f(H * 0.78)} ${f(W * 0.435)},${f(H * 0.78)}`;
    d += ` fill '#c9a24a' rectangle ${f(W * 0.47)},${f(H * 0.56)} ${f(W * 0.53)},${f(H * 0.6)}`;
    d += ` fill '#f2efe6' rectangle ${f(W * 0.05)},${f(H * 0.6)} ${f(W * 0.3)},${f(H * 0.66)}`;
    for (let row = 0; row < 2; row++) {
      const rad = H * (0.05 + row * 0.025);
      const y = H * (0.72 + row * 0.13);
      for (let i = 0; i < 6 - row; i++) {
        const x = W * (0.06 + (i + 0.5) * (0.9 / (6 - row))) + (r() - 0.5) * W * 0.03;
        d += personBack(r, x, y, rad);
      }
    }
  } else if (o.variant === 'group') {
    // two rows of people facing the camera for a group photo
    for (let row = 0; row < 2; row++) {
      const n = 7 - row;
      const rad = H * (0.04 + row * 0.006);
      const y = H * (0.47 + row * 0.1);
      for (let i = 0; i < n; i++) {
        const x = W * (0.1 + (i + 0.5) * (0.8 / n)) + (r() - 0.5) * W * 0.015;
        const c = r() < 0.45 ? '#c4161c' : undefined;
        d += personFacing(r, x, y + (r() - 0.5) * H * 0.01, rad, c);
      }
    }
  } else {
    // audience seated around a long table, seen from behind
    d += ` fill '#f1ede4' polygon ${f(W * 0.12)},${f(H * 0.6)} ${f(W * 0.88)},${f(H * 0.6)} ${f(W * 0.98)},${f(H * 0.72)} ${f(W * 0.02)},${f(H * 0.72)}`;
    for (let i = 0; i < 7; i++) {
      const x = W * (0.18 + i * 0.11);
      d += personFacing(r, x, H * 0.5, H * 0.028);
    }
    d += ` fill '#f1ede4' polygon ${f(W * 0.12)},${f(H * 0.6)} ${f(W * 0.88)},${f(H * 0.6)} ${f(W * 0.98)},${f(H * 0.72)} ${f(W * 0.02)},${f(H * 0.72)}`;
    d += ` fill '#7e1016' rectangle ${f(W * 0.02)},${f(H * 0.72)} ${f(W * 0.98)},${f(H * 0.76)}`;
    for (let i = 0; i < 6; i++) {
      const x = W * (0.1 + i * 0.16) + (r() - 0.5) * W * 0.04;
      d += personBack(r, x, H * 0.8, H * 0.06);
    }
  }
  args.push('-draw', d.trim());
  return args;
}

function sceneOutdoor(W, H, o) {
  const r = rng(o.seed);
  const storm = o.variant === 'storm';
  const hy = Math.round(H * 0.62);
  const args = [
    '-size', `${W}x${H}`, storm ? 'gradient:#39444f-#9aa4ab' : 'gradient:#4f7fb8-#dfe8ef',
    '(', '-seed', String(o.seed), '-size', `${Math.round(W / 4)}x${Math.round(H / 4)}`, 'plasma:grey40-grey100',
    '-colorspace', 'gray', '-blur', '0x3', '-resize', `${W}x${H}!`, ')',
    '-compose', 'soft-light', '-composite',
  ];
  let d = '';
  // distant and near hills
  const hills = (base, amp, color) => {
    let pts = `0,${H}`;
    for (let i = 0; i <= 24; i++) {
      const x = (W * i) / 24;
      const y = base - amp * (0.5 + 0.5 * Math.sin(i * 0.7 + r() * 1.2)) - amp * 0.3 * r();
      pts += ` ${f(x)},${f(y)}`;
    }
    pts += ` ${W},${H}`;
    return ` fill '${color}' polygon ${pts}`;
  };
  d += hills(hy, H * 0.12, storm ? '#56616b' : '#8a9cae');
  d += hills(hy + H * 0.02, H * 0.07, storm ? '#3c4a40' : '#5d7a5a');
  args.push('-draw', d.trim());
  // textured ground
  args.push(
    '(', '-seed', String(o.seed + 1), '-size', `${Math.round(W / 3)}x${Math.round((H - hy) / 3)}`,
    'plasma:grey35-grey75', '-colorspace', 'gray', '-blur', '0x1',
    '+level-colors', storm ? '#222d1e,#4f6040' : '#345c24,#86a44a',
    '-resize', `${W}x${H - hy}!`, ')',
    '-geometry', `+0+${hy}`, '-compose', 'over', '-composite',
  );
  d = '';
  // a road going into the distance
  d += ` fill '${storm ? '#4b4d50' : '#8c8a84'}' polygon ${f(W * 0.46)},${hy} ${f(W * 0.5)},${hy} ${f(W * 0.9)},${H} ${f(W * 0.25)},${H}`;
  // poles with sagging cables (perspective: near on the left, far on the right)
  const poles = [];
  for (let i = 0; i < 5; i++) {
    const t = i / 4;
    const x = W * (0.16 + 0.62 * Math.pow(t, 0.8));
    const h = H * (0.58 - 0.4 * t);
    const base = hy + H * (0.3 - 0.28 * t);
    const wdt = Math.max(2, W * (0.012 - 0.009 * t));
    poles.push({ x, top: base - h, base, wdt });
    d += ` fill '#3b3630' rectangle ${f(x - wdt / 2)},${f(base - h)} ${f(x + wdt / 2)},${f(base)}`;
    d += ` rectangle ${f(x - wdt * 5)},${f(base - h + wdt * 2)} ${f(x + wdt * 5)},${f(base - h + wdt * 3)}`;
  }
  for (const off of [-4, 0, 4]) {
    let p = '';
    for (let i = 0; i < poles.length - 1; i++) {
      const a = poles[i];
      const b = poles[i + 1];
      const y0 = a.top + a.wdt * 2.5;
      const y1 = b.top + b.wdt * 2.5;
      const mx = (a.x + off * a.wdt + b.x + off * b.wdt) / 2;
      const my = (y0 + y1) / 2 + H * 0.03 * (1 - i / 4);
      p += ` M ${f(a.x + off * a.wdt)},${f(y0)} Q ${f(mx)},${f(my)} ${f(b.x + off * b.wdt)},${f(y1)}`;
    }
    d += ` fill none stroke '#222222' stroke-width ${f(Math.max(1.5, W / 900))} path '${p.trim()}' stroke none`;
  }
  // the drone
  const dx = W * 0.6;
  const dy = H * 0.24;
  const ds = W * 0.03;
  d += ` fill '#2b2e33' stroke '#2b2e33' stroke-width ${f(ds * 0.12)}`;
  d += ` line ${f(dx - ds)},${f(dy - ds * 0.5)} ${f(dx + ds)},${f(dy + ds * 0.5)}`;
  d += ` line ${f(dx - ds)},${f(dy + ds * 0.5)} ${f(dx + ds)},${f(dy - ds * 0.5)} stroke none`;
  d += ` roundrectangle ${f(dx - ds * 0.35)},${f(dy - ds * 0.2)} ${f(dx + ds * 0.35)},${f(dy + ds * 0.25)} ${f(ds * 0.1)},${f(ds * 0.1)}`;
  for (const [sx, sy] of [[-1, -0.5], [1, 0.5], [-1, 0.5], [1, -0.5]]) {
    d += ` fill 'rgba(200,205,210,0.55)' ellipse ${f(dx + sx * ds)},${f(dy + sy * ds - ds * 0.1)} ${f(ds * 0.5)},${f(ds * 0.1)} 0,360`;
  }
  d += ` fill '#ff3b30' circle ${f(dx)},${f(dy + ds * 0.3)} ${f(dx + ds * 0.06)},${f(dy + ds * 0.3)}`;
  // linemen in red vests and white helmets in the foreground
  const workers = storm ? [[0.3, 0.72, 0.05], [0.4, 0.75, 0.043]] : [[0.34, 0.7, 0.05]];
  for (const [wx, wy, wr] of workers) {
    d += personFacing(r, W * wx, H * wy, H * wr, '#d0202a');
    d += ` fill '#f3f3f0' ellipse ${f(W * wx)},${f(H * wy - H * wr * 0.35)} ${f(H * wr * 1.0)},${f(H * wr * 0.75)} 180,360`;
    d += ` fill '#30343a' rectangle ${f(W * wx - H * wr * 0.7)},${f(H * wy + H * wr * 2.2)} ${f(W * wx + H * wr * 0.7)},${f(H * wy + H * wr * 2.9)}`;
  }
  if (storm) {
    // slanted rain
    let rain = ` stroke 'rgba(225,230,240,0.35)' stroke-width ${f(Math.max(1, W / 1400))}`;
    for (let i = 0; i < 420; i++) {
      const x = r() * W * 1.1;
      const y = r() * H;
      const len = H * (0.03 + r() * 0.05);
      rain += ` line ${f(x)},${f(y)} ${f(x - len * 0.35)},${f(y + len)}`;
    }
    d += rain + ' stroke none';
  }
  args.push('-draw', d.trim());
  return args;
}

function sceneStreet(W, H, o) {
  const r = rng(o.seed);
  const gy = Math.round(H * 0.6);
  const args = ['-size', `${W}x${H}`, 'gradient:#a9c6e2-#eef1f2'];
  let d = '';
  // apartment blocks with window grids
  let x = -W * 0.02;
  while (x < W) {
    const bw = W * (0.12 + r() * 0.1);
    const bh = H * (0.3 + r() * 0.3);
    const top = gy - bh;
    const col = pick(r, ['#d8cfc2', '#c9c2b8', '#e2dcd2', '#bfb5a8', '#d1c6b6']);
    d += ` fill '${col}' rectangle ${f(x)},${f(top)} ${f(x + bw)},${f(gy)}`;
    const ww = bw / 9;
    const wh = H * 0.022;
    for (let wy = top + wh; wy < gy - wh * 2; wy += wh * 2.1) {
      for (let wx = x + ww * 0.6; wx < x + bw - ww; wx += ww * 2.1) {
        d += ` fill '${r() < 0.2 ? '#f0e6c8' : '#6d7f8e'}' rectangle ${f(wx)},${f(wy)} ${f(wx + ww * 1.2)},${f(wy + wh)}`;
      }
    }
    x += bw + W * 0.01;
  }
  // street trees
  for (let i = 0; i < 7; i++) {
    const tx = W * (0.04 + i * 0.16) + (r() - 0.5) * W * 0.04;
    d += ` fill '#5a4330' rectangle ${f(tx - W * 0.004)},${f(gy - H * 0.1)} ${f(tx + W * 0.004)},${f(gy)}`;
    for (let k = 0; k < 4; k++) {
      const cx = tx + (r() - 0.5) * W * 0.05;
      const cy = gy - H * (0.13 + r() * 0.06);
      const cr = W * (0.025 + r() * 0.015);
      d += ` fill '${pick(r, ['#3f6b33', '#4d7a3a', '#355c2c'])}' circle ${f(cx)},${f(cy)} ${f(cx + cr)},${f(cy)}`;
    }
  }
  d += ` fill '#9d9a94' rectangle 0,${gy} ${W},${H}`;
  d += ` fill '#b6b2aa' polygon 0,${f(gy + H * 0.08)} ${W},${f(gy + H * 0.05)} ${W},${H} 0,${H}`;
  args.push('-draw', d.trim(), '-blur', `0x${f(W / 700)}`);
  // red canopy with its sign
  const tx0 = W * 0.22;
  const tx1 = W * 0.78;
  const ty = H * 0.3;
  d = '';
  d += ` fill '#e9e6e0' rectangle ${f(tx0 + W * 0.01)},${f(ty + H * 0.1)} ${f(tx0 + W * 0.017)},${f(gy + H * 0.1)}`;
  d += ` rectangle ${f(tx1 - W * 0.017)},${f(ty + H * 0.1)} ${f(tx1 - W * 0.01)},${f(gy + H * 0.1)}`;
  d += ` fill '#c4161c' polygon ${f(tx0 + W * 0.05)},${f(ty)} ${f(tx1 - W * 0.05)},${f(ty)} ${f(tx1)},${f(ty + H * 0.06)} ${f(tx0)},${f(ty + H * 0.06)}`;
  d += ` fill '#b0121a' rectangle ${f(tx0)},${f(ty + H * 0.06)} ${f(tx1)},${f(ty + H * 0.115)}`;
  // table with a white cloth
  d += ` fill '#f5f3ee' rectangle ${f(W * 0.32)},${f(gy + H * 0.02)} ${f(W * 0.68)},${f(gy + H * 0.12)}`;
  args.push('-draw', d.trim());
  args.push(
    '-font', IM_FONT_BOLD, '-fill', '#ffe08a', '-gravity', 'North',
    '-pointsize', String(Math.round(H * 0.038)), '-annotate', `+0+${Math.round(ty + H * 0.066)}`, o.sign,
    '+gravity',
  );
  d = '';
  // people: party members in red vests behind the table, residents in front
  for (let i = 0; i < 3; i++) {
    d += personFacing(r, W * (0.38 + i * 0.12), H * 0.47, H * 0.033, '#c4161c');
  }
  d += ` fill '#f5f3ee' rectangle ${f(W * 0.32)},${f(gy + H * 0.02)} ${f(W * 0.68)},${f(gy + H * 0.12)}`;
  d += ` fill '#c4161c' rectangle ${f(W * 0.32)},${f(gy + H * 0.1)} ${f(W * 0.68)},${f(gy + H * 0.12)}`;
  for (let i = 0; i < o.residents; i++) {
    const px = W * (0.08 + r() * 0.84);
    if (px > W * 0.3 && px < W * 0.7 && r() < 0.6) continue;
    d += personFacing(r, px, H * (0.58 + r() * 0.08), H * (0.04 + r() * 0.012));
  }
  args.push('-draw', d.trim());
  return args;
}

function sceneGridBoard(W, H, o) {
  const r = rng(o.seed);
  const bx0 = W * 0.08;
  const bx1 = W * 0.92;
  const by0 = H * 0.08;
  const by1 = H * 0.62;
  const args = [
    '-size', `${W}x${H}`, 'gradient:#efe7da-#9b8a74',
    '-fill', '#6e5844', '-draw', `rectangle ${f(bx0 - W * 0.02)},${f(by0 - W * 0.02)} ${f(bx1 + W * 0.02)},${f(by1 + W * 0.02)}`,
    '-fill', '#fbfaf6', '-draw', `rectangle ${f(bx0)},${f(by0)} ${f(bx1)},${f(by1)}`,
    '-fill', '#b3121b', '-draw', `rectangle ${f(bx0)},${f(by0)} ${f(bx1)},${f(by0 + H * 0.07)}`,
    '-font', IM_FONT_BOLD, '-fill', '#ffe08a', '-gravity', 'North',
    '-pointsize', String(Math.round(H * 0.034)), '-annotate', `+0+${Math.round(by0 + H * 0.012)}`, o.title,
    '+gravity',
  ];
  let d = '';
  const cols = 6;
  const rows = 7;
  const gx0 = bx0 + W * 0.05;
  const gy0 = by0 + H * 0.1;
  const cw = (bx1 - bx0 - W * 0.1) / cols;
  const ch = (by1 - gy0 - H * 0.04) / rows;
  const palette = ['#f7d9d2', '#fbe8c3', '#d8ead0', '#d6e3f2', '#f1d3e3', '#e9e2d0'];
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      d += ` fill '${pick(r, palette)}' stroke '#9c8f80' stroke-width ${f(W / 900)} rectangle ${f(gx0 + i * cw)},${f(gy0 + j * ch)} ${f(gx0 + (i + 1) * cw)},${f(gy0 + (j + 1) * ch)}`;
    }
  }
  d += ' stroke none';
  for (let k = 0; k < 14; k++) {
    const px = gx0 + r() * cw * cols;
    const py = gy0 + r() * ch * rows;
    d += ` fill '${r() < 0.7 ? '#d0202a' : '#1f6fd1'}' circle ${f(px)},${f(py)} ${f(px + W * 0.009)},${f(py)}`;
  }
  // two members in front of the board, one pointing at it
  d += personBack(r, W * 0.3, H * 0.7, H * 0.045, '#c4161c');
  d += personBack(r, W * 0.7, H * 0.74, H * 0.05, '#1f2a3d');
  d += ` stroke '#c4161c' stroke-width ${f(H * 0.022)} line ${f(W * 0.36)},${f(H * 0.75)} ${f(W * 0.47)},${f(H * 0.52)} stroke none`;
  d += ` fill '#d9ad88' circle ${f(W * 0.47)},${f(H * 0.515)} ${f(W * 0.47 + H * 0.012)},${f(H * 0.515)}`;
  args.push('-draw', d.trim());
  return args;
}

const SCENES = { meeting: sceneMeeting, outdoor: sceneOutdoor, street: sceneStreet, gridboard: sceneGridBoard };

// Render a scene at `render` scale, then resize to the final size and add the
// things a camera adds: slight softness, sensor noise, vignetting, warm tone.
function photo(file, { scene, width, height, seed, quality = 84, noise = 0.5, render = 1, ...opts }) {
  const rw = Math.round(width * render);
  const rh = Math.round(height * render);
  const raw = tmp(`scene-${seed}.png`);
  im([...SCENES[scene](rw, rh, { seed, ...opts }), '-strip', raw]);
  const target = out(file);
  im([
    raw, '-resize', `${width}x${height}!`,
    '-blur', `0x${f(width / 1400)}`,
    '-seed', String(seed),
    '(', '-size', `${width}x${height}`, 'radial-gradient:white-#4a4a4a', ')',
    '-compose', 'multiply', '-composite',
    '(', '-size', `${width}x${height}`, '-define', 'gradient:direction=SouthEast', 'gradient:#f4efe6-#6a6460', ')',
    '-compose', 'soft-light', '-composite',
    '-attenuate', String(noise), '+noise', 'Gaussian',
    '-modulate', '102,92,100',
    '-sampling-factor', '2x2', '-interlace', 'none', '-quality', String(quality),
    '-strip', target,
  ]);
  return target;
}

// Phone-style photo: upright scene rotated 90° counter-clockwise into the
// sensor's 4032×3024 landscape frame and tagged EXIF Orientation=6, as phones do.
function phonePhoto(file, { scene, seed, quality = 90, noise = 0.55, dateTime, ...opts }) {
  const W = 3024;
  const H = 4032;
  const raw = tmp(`scene-${seed}.png`);
  im([...SCENES[scene](W / 2, H / 2, { seed, ...opts }), '-strip', raw]);
  const rotated = tmp(`phone-${seed}.jpg`);
  im([
    raw, '-resize', `${W}x${H}!`, '-blur', '0x1.4',
    '-seed', String(seed),
    '(', '-size', `${W}x${H}`, 'radial-gradient:white-#555555', ')',
    '-compose', 'multiply', '-composite',
    '(', '-size', `${W}x${H}`, '-define', 'gradient:direction=SouthEast', 'gradient:#f4efe6-#6a6460', ')',
    '-compose', 'soft-light', '-composite',
    '-attenuate', String(noise), '+noise', 'Gaussian',
    '-rotate', '-90',
    '-sampling-factor', '2x2', '-quality', String(quality), '-strip', rotated,
  ]);
  const jpeg = readFileSync(rotated);
  writeFileSync(out(file), withExif(jpeg, { orientation: 6, width: H, height: W, dateTime }));
}

// Minimal EXIF (APP1) writer: IFD0 with Make, Model, Orientation, resolution,
// DateTime, and an Exif sub-IFD with DateTimeOriginal and pixel dimensions.
function withExif(jpeg, { orientation, width, height, dateTime }) {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  // drop the JFIF APP0 segment if present (phone JPEGs start with APP1 Exif)
  let rest = jpeg.subarray(2);
  if (rest[0] === 0xff && rest[1] === 0xe0) rest = rest.subarray(2 + rest.readUInt16BE(2));

  const ascii = (s) => Buffer.from(s + '\0', 'latin1');
  const ifd0 = [
    [0x010f, 2, ascii('SampleCam')],
    [0x0110, 2, ascii('RC-Phone 1')],
    [0x0112, 3, orientation],
    [0x011a, 5, [72, 1]],
    [0x011b, 5, [72, 1]],
    [0x0128, 3, 2],
    [0x0132, 2, ascii(dateTime)],
    [0x8769, 4, 'EXIF_POINTER'],
  ];
  const exif = [
    [0x9003, 2, ascii(dateTime)],
    [0xa002, 4, width],
    [0xa003, 4, height],
  ];
  const ifdSize = (n) => 2 + n * 12 + 4;
  const ifd0Off = 8;
  const exifOff = ifd0Off + ifdSize(ifd0.length);
  let dataOff = exifOff + ifdSize(exif.length);
  const tiff = Buffer.alloc(4096);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0Off, 4);
  const writeIfd = (at, entries) => {
    tiff.writeUInt16LE(entries.length, at);
    entries.forEach(([tag, type, value], i) => {
      const e = at + 2 + i * 12;
      tiff.writeUInt16LE(tag, e);
      tiff.writeUInt16LE(type, e + 2);
      if (value === 'EXIF_POINTER') {
        tiff.writeUInt32LE(1, e + 4);
        tiff.writeUInt32LE(exifOff, e + 8);
      } else if (type === 2) {
        tiff.writeUInt32LE(value.length, e + 4);
        if (value.length <= 4) value.copy(tiff, e + 8);
        else {
          tiff.writeUInt32LE(dataOff, e + 8);
          value.copy(tiff, dataOff);
          dataOff += value.length + (value.length % 2);
        }
      } else if (type === 3) {
        tiff.writeUInt32LE(1, e + 4);
        tiff.writeUInt16LE(value, e + 8);
      } else if (type === 4) {
        tiff.writeUInt32LE(1, e + 4);
        tiff.writeUInt32LE(value, e + 8);
      } else if (type === 5) {
        tiff.writeUInt32LE(1, e + 4);
        tiff.writeUInt32LE(dataOff, e + 8);
        tiff.writeUInt32LE(value[0], dataOff);
        tiff.writeUInt32LE(value[1], dataOff + 4);
        dataOff += 8;
      }
    });
    tiff.writeUInt32LE(0, at + 2 + entries.length * 12);
  };
  writeIfd(ifd0Off, ifd0);
  writeIfd(exifOff, exif);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff.subarray(0, dataOff)]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, body, rest]);
}

// ---------------------------------------------------------------------------
// One-picture infographics: the picture's text comes from the entry's own
// front matter (title, period, outline), so picture and text version agree.

function readOutline(mdFile) {
  const text = readFileSync(mdFile, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const fm = text.split('\n---')[0].replace(/^---\n/, '');
  const unq = (s) => s.trim().replace(/^(['"])(.*)\1$/, '$2');
  const res = { title: '', period: '', outline: [] };
  let inOutline = false;
  for (const line of fm.split('\n')) {
    let m;
    if ((m = /^title:\s*(.*)$/.exec(line))) res.title = unq(m[1]);
    else if ((m = /^period:\s*(.*)$/.exec(line))) res.period = unq(m[1]);
    else if (/^outline:\s*$/.test(line)) inOutline = true;
    else if (/^\S/.test(line)) inOutline = false;
    else if (inOutline && (m = /^\s*-\s*heading:\s*(.*)$/.exec(line))) res.outline.push({ heading: unq(m[1]), points: [] });
    else if (inOutline && (m = /^\s+-\s+(?!heading:)(.*)$/.exec(line)) && !/^\s*points:/.test(line)) {
      res.outline.at(-1).points.push(unq(m[1]));
    }
  }
  return res;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pango(file, width, markup, align = 'left') {
  im(['-background', 'none', '-define', `pango:align=${align}`, '-define', 'pango:wrap=word-char',
    '-size', `${width}x`, `pango:${markup}`, '-strip', file]);
  return { file, h: Number(identify(file, '%h')) };
}

function infographic(mdRel, pngRel, { org, kicker, titleLines, footer }) {
  const data = readOutline(out(mdRel));
  const W = 1080;
  const M = 64; // outer margin
  const CW = W - M * 2; // card width
  const layers = [];
  let y = 0;

  // header
  const head1 = pango(tmp('h1.png'), CW, `<span font="${PANGO_FAMILY} 19" foreground="#ffe3a3" letter_spacing="2048">${esc(org)}</span>`, 'center');
  const head2 = pango(tmp('h2.png'), CW, `<span font="${PANGO_FAMILY} Bold 24" foreground="#fff4d6">${esc(kicker)}</span>`, 'center');
  const head3 = pango(tmp('h3.png'), CW, titleLines.map((l) => `<span font="${PANGO_FAMILY} Bold 50" foreground="#ffd35a">${esc(l)}</span>`).join('\n'), 'center');
  const head4 = pango(tmp('h4.png'), CW, `<span font="${PANGO_FAMILY} 22" foreground="#ffffff">${esc(data.period)}</span>`, 'center');
  y = 72;
  for (const h of [head1, head2, head3, head4]) {
    layers.push({ file: h.file, x: M, y });
    y += h.h + 18;
  }
  y += 24;

  // sections
  const cards = [];
  data.outline.forEach((sec, i) => {
    const isGoal = i === data.outline.length - 1 && footer;
    const hd = pango(tmp(`s${i}h.png`), CW - 64, `<span font="${PANGO_FAMILY} Bold 27" foreground="#ffe7a8">${esc(sec.heading)}</span>`, isGoal ? 'center' : 'left');
    let body;
    if (isGoal) {
      body = pango(tmp(`s${i}b.png`), CW - 64, `<span font="${PANGO_FAMILY} Bold 27" foreground="#a8121a">${sec.points.map(esc).join(' · ')}</span>`, 'center');
    } else {
      const items = sec.points.map((p) => `<span foreground="#c4161c">●</span>  ${esc(p)}`).join('\n');
      body = pango(tmp(`s${i}b.png`), CW - 64, `<span font="${PANGO_FAMILY} 21" foreground="#3a2a1e" line_height="1.2">${items}</span>`);
    }
    const cardH = hd.h + 44 + 22 + body.h + 28;
    cards.push({ y, h: cardH, headH: hd.h });
    layers.push({ file: hd.file, x: M + 32, y: y + 22 });
    layers.push({ file: body.file, x: M + 32, y: y + hd.h + 44 + 22 });
    y += cardH + 28;
  });
  const H = y + 80;

  let draw = '';
  for (const c of cards) {
    draw += ` fill 'rgba(0,0,0,0.18)' roundrectangle ${M + 6},${c.y + 8} ${W - M + 6},${c.y + c.h + 8} 26,26`;
    draw += ` fill '#fff8ea' roundrectangle ${M},${c.y} ${W - M},${c.y + c.h} 26,26`;
    draw += ` fill '#b3121b' roundrectangle ${M},${c.y} ${W - M},${c.y + c.headH + 44} 26,26`;
    draw += ` rectangle ${M},${c.y + 30} ${W - M},${c.y + c.headH + 44}`;
    draw += ` fill '#e0b04a' rectangle ${M},${c.y + c.headH + 44} ${W - M},${c.y + c.headH + 50}`;
  }
  const args = [
    '-size', `${W}x${H}`, 'gradient:#c8161d-#7d0a10',
    '(', '-size', `${W}x${H}`, 'radial-gradient:rgba(255,200,90,0.28)-rgba(255,200,90,0)', '-roll', `+0-${Math.round(H * 0.42)}`, ')',
    '-compose', 'over', '-composite',
    // gold frame lines
    '-fill', 'none', '-stroke', '#e6b84f', '-strokewidth', '3',
    '-draw', `rectangle 24,24 ${W - 24},${H - 24}`,
    '-strokewidth', '1', '-draw', `rectangle 34,34 ${W - 34},${H - 34}`,
    '-stroke', 'none',
    '-draw', draw.trim(),
  ];
  for (const l of layers) args.push(l.file, '-geometry', `+${l.x}+${l.y}`, '-composite');
  args.push(
    '-font', IM_FONT_BOLD, '-fill', '#ffe3a3', '-pointsize', '20', '-gravity', 'South',
    '-annotate', '+0+48', footer || org, '+gravity',
    '-strip', '-define', 'png:compression-level=9', '-colors', '256', `PNG8:${out(pngRel)}`,
  );
  im(args);
  return { file: out(pngRel), W, H };
}

// ---------------------------------------------------------------------------
// Videos: 640×360 H.264 + silent AAC, with large Chinese titles.

function video(mp4Rel, { source, seconds, lines, seed }) {
  const files = lines.map((l, i) => {
    const p = tmp(`v${seed}-${i}.txt`);
    writeFileSync(p, l.text);
    return { ...l, p };
  });
  const text = files
    .map((l) => {
      const en = l.from != null ? `:enable='between(t,${l.from},${l.to})'` : '';
      const box = l.box ? `:box=1:boxcolor=${l.box}:boxborderw=12` : '';
      return `drawtext=fontfile=${FONT_BOLD_FILE}:textfile=${l.p}:fontsize=${l.size}:fontcolor=${l.color || 'white'}` +
        `:x=(w-tw)/2:y=${l.y}:shadowcolor=black@0.6:shadowx=2:shadowy=2${box}${en}`;
    })
    .join(',');
  ff([
    '-f', 'lavfi', '-i', `${source},format=yuv420p,${text}`,
    '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono',
    '-t', String(seconds),
    '-map', '0:v', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'slow', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-crf', '26', '-maxrate', '300k', '-bufsize', '600k', '-g', '50', '-threads', '1',
    '-c:a', 'aac', '-b:a', '32k',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
    '-movflags', '+faststart',
    out(mp4Rel),
  ]);
}

// ---------------------------------------------------------------------------

function photos() {
  // 先锋沙龙第6期（慈溪）
  photo('salon/2026-05/huichang.jpg', {
    scene: 'meeting', width: 2000, height: 1333, seed: 601,
    line1: '先锋沙龙 第六期', line2: '网格化服务大家谈 · 慈溪分公司党委承办',
  });
  photo('salon/2026-05/fayan.jpg', {
    scene: 'meeting', variant: 'speaker', width: 1800, height: 1200, seed: 602,
    line1: '先锋沙龙 第六期', line2: '网格化服务大家谈 · 慈溪分公司党委承办', wallTop: '#e4d8c6', wallBottom: '#6f604f',
  });
  photo('salon/2026-05/hezhao.jpg', {
    scene: 'meeting', variant: 'group', width: 2000, height: 1333, seed: 603,
    line1: '先锋沙龙 第六期', line2: '网格化服务大家谈 · 慈溪分公司党委承办', wallTop: '#f0e6d6', wallBottom: '#85705a',
  });
  phonePhoto('salon/2026-05/IMG_20260521_143512.jpg', {
    scene: 'gridboard', seed: 604, title: '慈溪网格化服务作战图', dateTime: '2026:05:21 14:35:12',
  });
  // 红色亮点：慈溪网格化服务
  photo('highlights/慈溪网格化服务/cover.jpg', {
    scene: 'street', width: 1600, height: 900, seed: 701, sign: '党员服务站 · 网格党员为您服务', residents: 8,
  });
  photo('highlights/慈溪网格化服务/fuwuzhan.jpg', {
    scene: 'street', width: 1800, height: 1200, seed: 702, sign: '网格党员服务日 · 宽带 5G 业务咨询', residents: 12,
  });
  // 红色亮点：周海峰
  photo('highlights/周海峰/xunxian.jpg', {
    scene: 'outdoor', width: 2000, height: 1333, seed: 801,
  });
  photo('highlights/周海峰/qiangxiu.jpg', {
    scene: 'outdoor', variant: 'storm', width: 1800, height: 1200, seed: 802,
  });
  // 视频展播：七一主题党日的封面
  photo('videos/qiyi-zhutidangri/poster.jpg', {
    scene: 'meeting', variant: 'group', width: 1600, height: 900, seed: 901,
    line1: '重温入党誓词', line2: '中国电信宁波分公司党委 “七一”主题党日', wallTop: '#efe4d2', wallBottom: '#7c6853',
  });
}

function infographics() {
  infographic('one-picture/四个关键/index.md', 'one-picture/四个关键/sige-guanjian.png', {
    org: '中国电信宁波分公司党委',
    kicker: '党建工作一图清',
    titleLines: ['聚焦“四个关键”', '开创国企党建新局面'],
    footer: '中国电信宁波分公司党委 · 党建工作一图清',
  });
  infographic('one-picture/2026-work-plan/index.md', 'one-picture/2026-work-plan/work-plan-2026.png', {
    org: '中国电信宁波分公司党委',
    kicker: '党建工作一图清',
    titleLines: ['党建工作要点'],
    footer: '',
  });
}

function videos() {
  video('videos/qiyi-zhutidangri/qiyi-2026.mp4', {
    seed: 1, seconds: 8,
    source: 'gradients=s=640x360:r=25:c0=0xb3121b:c1=0xe8b040:c2=0x7d0a10:c3=0xd4452a:nb_colors=4:speed=0.015:seed=21',
    lines: [
      { text: '“七一”主题党日', size: 60, y: 110 },
      { text: '重温入党誓词  庆祝建党105周年', size: 28, y: 200, color: '#ffe7a8' },
      { text: '中国电信宁波分公司党委', size: 22, y: 300, color: 'white@0.9' },
    ],
  });
  video('videos/网格党员进社区/wangge.mp4', {
    seed: 2, seconds: 9,
    source: 'testsrc2=s=640x360:r=25,hue=s=0.35,eq=brightness=-0.08,drawbox=x=0:y=80:w=640:h=200:color=0x0b5a3a@0.78:t=fill',
    lines: [
      { text: '网格党员进社区', size: 58, y: 112 },
      { text: '慈溪网格化营销党支部', size: 28, y: 200, color: '#ffe7a8' },
      { text: '网格化服务 · 宽带与5G上门服务', size: 22, y: 318, box: '0x000000@0.5', from: 2, to: 9 },
    ],
  });
  video('videos/drone-patrol/drone-patrol.mp4', {
    seed: 3, seconds: 7,
    source: 'mandelbrot=s=640x360:r=25:start_scale=2.5:end_scale=0.4:end_pts=400,eq=saturation=0.6:brightness=-0.1',
    lines: [
      { text: '风雨巡线人', size: 64, y: 100, box: '0x7d0a10@0.6' },
      { text: '周海峰和他的无人机巡线班组', size: 28, y: 200, color: '#ffe7a8', box: '0x000000@0.45' },
      { text: '网络运营部 线路维护中心党支部', size: 22, y: 300, box: '0x000000@0.45', from: 1.5, to: 7 },
    ],
  });
}

const tasks = { photos, infographics, videos };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(tasks);
try {
  for (const t of wanted) {
    if (!tasks[t]) throw new Error(`unknown task ${t}; use one of ${Object.keys(tasks).join(', ')}`);
    console.log(`== ${t}`);
    tasks[t]();
  }
} finally {
  rmSync(TMP, { recursive: true, force: true });
}

// report what is there now
const listed = execFileSync('find', [CONTENT, '-type', 'f', '(', '-name', '*.jpg', '-o', '-name', '*.png', '-o', '-name', '*.mp4', ')'])
  .toString().trim().split('\n').filter(Boolean).sort();
for (const file of listed) {
  const kb = Math.round(statSync(file).size / 1024);
  const dims = file.endsWith('.mp4') ? '' : identify(file, '%wx%h %[orientation]');
  console.log(`${String(kb).padStart(6)} KB  ${dims.padEnd(24)} ${relative(ROOT, file)}`);
}
