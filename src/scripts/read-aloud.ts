/**
 * 朗读全文: reads the article with the browser's speech synthesis in a Chinese voice.
 * The text is read block by block (title, lead, facts, paragraphs, list items), each block in
 * sentence-sized utterances (Chromium cuts long utterances off); the block being read is
 * marked with `.is-reading`. Pause is a cancel that remembers the place (pause()/resume() are
 * unreliable across platforms). Without a Chinese voice the status line says so.
 */

/** What is read, in document order; an element inside another listed one is read with it. */
const BLOCKS = [
  'h1',
  '.lead',
  '.person-card',
  '.facts:not(.credit)',
  '.outline h2',
  '.outline h3',
  '.outline li',
  '.prose :is(h2, h3, h4, p, li, th, td, figcaption)',
  '.replicable :is(h2, li)',
  '.gallery figcaption',
].join(', ');

export const MESSAGES = {
  unsupported: '当前浏览器不支持朗读功能。请使用较新版本的浏览器，或使用读屏软件收听。',
  noVoice: '本机没有可用的中文语音，暂时无法朗读。请在操作系统的语音设置中安装“中文（简体）”语音后重新打开本页，或使用读屏软件收听。',
  reading: '正在朗读全文。',
  paused: '已暂停朗读。',
  done: '朗读完毕。',
  stopped: '已停止朗读。',
  failed: '朗读出错，请稍后重试。',
} as const;

/** A Chinese voice, Mandarin (zh-CN / zh-Hans) first, then any other Chinese one. */
export function pickChineseVoice<T extends { lang: string; name: string; localService?: boolean }>(voices: readonly T[]): T | undefined {
  const zh = voices.filter((v) => /^(zh|cmn)([-_]|$)/i.test(v.lang) || /chinese|中文|普通话|mandarin/i.test(v.name));
  const mandarin = zh.filter((v) => /^(zh[-_](cn|hans|sg)|cmn)/i.test(v.lang));
  const pool = mandarin.length ? mandarin : zh.filter((v) => !/(hk|tw|yue|hant)/i.test(v.lang)).concat(zh);
  return pool.find((v) => v.localService) ?? pool[0];
}

/** Sentences of at most ~`max` characters (split after 。！？；, then hard-split). */
export function speechChunks(text: string, max = 90): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const sentences = clean.match(/[^。！？；!?;]+[。！？；!?;”’」）)]*|[。！？；!?;]+/g) ?? [clean];
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && (cur + s).length > max) {
      out.push(cur);
      cur = '';
    }
    cur += s;
    while (cur.length > max * 1.5) {
      out.push(cur.slice(0, max));
      cur = cur.slice(max);
    }
  }
  if (cur.trim()) out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

function readableBlocks(article: Element): { el: HTMLElement; text: string }[] {
  const all = [...article.querySelectorAll<HTMLElement>(BLOCKS)];
  const set = new Set(all);
  return all
    .filter((el) => {
      for (let p = el.parentElement; p && p !== article; p = p.parentElement) if (set.has(p as HTMLElement)) return false;
      return el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"], [data-read-aloud], .visually-hidden');
    })
    .map((el) => ({ el, text: el.innerText.replace(/\n+/g, '，') }))
    .filter((b) => b.text.trim());
}

function voicesReady(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    const timer = setTimeout(done, 1500);
    synth.addEventListener(
      'voiceschanged',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

export function startReadAloud(root: HTMLElement): void {
  const article = document.querySelector(root.dataset.readAloud ?? 'article');
  const play = root.querySelector<HTMLButtonElement>('[data-read-play]');
  const label = root.querySelector<HTMLElement>('[data-read-label]');
  const stop = root.querySelector<HTMLButtonElement>('[data-read-stop]');
  const status = root.querySelector<HTMLElement>('[data-read-status]');
  if (!article || !play || !label || !stop || !status) return;
  const synth: SpeechSynthesis | undefined = 'speechSynthesis' in window ? window.speechSynthesis : undefined;

  let state: 'idle' | 'playing' | 'paused' = 'idle';
  let queue: { el: HTMLElement; chunks: string[] }[] = [];
  let block = 0;
  let chunk = 0;
  let run = 0;
  let voice: SpeechSynthesisVoice | undefined;

  const mark = (el?: HTMLElement) => {
    for (const old of article.querySelectorAll('.is-reading')) old.classList.remove('is-reading');
    if (!el) return;
    el.classList.add('is-reading');
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  };

  const show = (next: typeof state, message: string) => {
    state = next;
    play.setAttribute('aria-pressed', String(state === 'playing'));
    label.textContent = state === 'playing' ? '暂停朗读' : state === 'paused' ? '继续朗读' : '朗读全文';
    stop.hidden = state === 'idle';
    status.textContent = message;
    if (state === 'idle') mark();
  };

  const speakNext = (mine: number) => {
    if (mine !== run || state !== 'playing' || !synth) return;
    const b = queue[block];
    if (!b) {
      show('idle', MESSAGES.done);
      return;
    }
    const text = b.chunks[chunk];
    if (text === undefined) {
      block += 1;
      chunk = 0;
      speakNext(mine);
      return;
    }
    if (chunk === 0) mark(b.el);
    const u = new SpeechSynthesisUtterance(text);
    u.lang = voice?.lang ?? 'zh-CN';
    if (voice) u.voice = voice;
    u.rate = 0.95;
    u.onend = () => {
      if (mine !== run) return;
      chunk += 1;
      speakNext(mine);
    };
    u.onerror = (e) => {
      if (mine !== run || e.error === 'interrupted' || e.error === 'canceled') return;
      run += 1;
      show('idle', MESSAGES.failed);
    };
    synth.speak(u);
  };

  const halt = () => {
    run += 1;
    synth?.cancel();
  };

  play.addEventListener('click', async () => {
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
      show('idle', MESSAGES.unsupported);
      return;
    }
    if (state === 'playing') {
      halt();
      show('paused', MESSAGES.paused);
      return;
    }
    if (state === 'idle') {
      voice = pickChineseVoice(await voicesReady(synth));
      if (!voice) {
        show('idle', MESSAGES.noVoice);
        return;
      }
      queue = readableBlocks(article).map((b) => ({ el: b.el, chunks: speechChunks(b.text) }));
      block = 0;
      chunk = 0;
    }
    halt();
    show('playing', MESSAGES.reading);
    speakNext(run);
  });
  stop.addEventListener('click', () => {
    halt();
    show('idle', MESSAGES.stopped);
    play.focus();
  });
  window.addEventListener('pagehide', halt);
}
