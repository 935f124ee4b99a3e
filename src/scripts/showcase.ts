/**
 * The lobby-screen player (展播模式). Built to run for hours: two <video> elements take
 * turns (one plays, the other preloads the next item), every listener is attached once,
 * and switching items only changes attributes and text.
 */
export interface ShowcaseItem {
  title: string;
  unit: string;
  /** The unit and its ancestors (ids), so ?unit= matches sub-units. */
  units: string[];
  category: string;
  categoryName: string;
  src: string;
  type: string;
  captions: string;
  poster: string;
}

/** Items chosen by `?category=` and `?unit=` (a unit includes its sub-units). */
export function filterPlaylist(items: ShowcaseItem[], search: string): ShowcaseItem[] {
  const params = new URLSearchParams(search);
  const category = params.get('category');
  const unit = params.get('unit');
  return items.filter((i) => (!category || i.category === category) && (!unit || i.units.includes(unit)));
}

/**
 * Captions sit inside the title-safe area: a lobby screen's overscan can cut 5% of each edge,
 * and Chromium puts cues on the very bottom line of the player. The cue box starts at 85% of
 * the screen's height, so two lines of captions (3.2vh each) end above 95%.
 */
export const CUE_LINE_PERCENT = 85;

export function placeCues(track: TextTrack): void {
  for (const cue of Array.from(track.cues ?? [])) {
    if (!(cue instanceof VTTCue)) continue;
    cue.snapToLines = false;
    cue.line = CUE_LINE_PERCENT;
    cue.lineAlign = 'start';
  }
}

export function startShowcase(root: HTMLElement): void {
  const data = document.getElementById('showcase-playlist')?.textContent ?? '[]';
  const list = filterPlaylist(JSON.parse(data) as ShowcaseItem[], location.search);
  const players = [...root.querySelectorAll<HTMLVideoElement>('video')];
  const text = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`)!;
  const titleEl = text('title');
  const unitEl = text('unit');
  const categoryEl = text('category');
  const countEl = text('count');
  const pausedEl = text('paused');
  if (list.length === 0 || players.length < 2) {
    text('empty').hidden = false;
    for (const p of players) p.hidden = true;
    return;
  }

  // One captions track per player, made once (a <track> in the page's HTML would need a src).
  for (const v of players) {
    const track = document.createElement('track');
    track.kind = 'captions';
    track.srclang = 'zh-CN';
    track.label = '中文字幕';
    track.default = true;
    track.addEventListener('load', () => placeCues(track.track));
    v.append(track);
  }

  let active = 0;
  let index = 0;
  let plays = 0;
  let retry: number | undefined;
  const loaded: number[] = [-1, -1];

  function load(slot: number, i: number): void {
    const v = players[slot]!;
    const item = list[i]!;
    loaded[slot] = i;
    v.poster = item.poster;
    v.src = item.src;
    const track = v.querySelector('track')!;
    if (item.captions) track.src = item.captions;
    else track.removeAttribute('src');
    v.load();
  }

  function show(i: number): void {
    window.clearTimeout(retry);
    index = (i + list.length) % list.length;
    const previous = players[active]!;
    const nextSlot = list.length > 1 ? 1 - active : active;
    if (loaded[nextSlot] !== index) load(nextSlot, index);
    const v = players[nextSlot]!;
    if (nextSlot !== active) {
      previous.pause();
      previous.classList.remove('on');
      previous.setAttribute('aria-hidden', 'true');
      v.classList.add('on');
      v.removeAttribute('aria-hidden');
      active = nextSlot;
    }
    v.muted = true;
    v.currentTime = 0;
    const tt = v.textTracks[0];
    if (tt) tt.mode = list[index]!.captions ? 'showing' : 'disabled';
    void v.play().catch(() => {});
    // It may have failed while it was preloading: its error event is already past.
    if (v.error) retry = window.setTimeout(() => show(index + 1), 3000);
    const item = list[index]!;
    titleEl.textContent = item.title;
    unitEl.textContent = item.unit;
    categoryEl.textContent = item.categoryName;
    countEl.textContent = `${index + 1} / ${list.length}`;
    pausedEl.hidden = true;
    plays++;
    root.dataset.index = String(index);
    root.dataset.plays = String(plays);
    // Preload the following item into the other element.
    if (list.length > 1) load(1 - active, (index + 1) % list.length);
  }

  for (const v of players) {
    v.addEventListener('ended', () => {
      if (v === players[active]) show(index + 1);
    });
    // A broken file or a server that is down: move on after a pause instead of stopping.
    v.addEventListener('error', () => {
      if (v === players[active]) {
        window.clearTimeout(retry);
        retry = window.setTimeout(() => show(index + 1), 3000);
      }
    });
  }

  function toggle(): void {
    const v = players[active]!;
    if (v.paused) {
      void v.play().catch(() => {});
      pausedEl.hidden = true;
    } else {
      v.pause();
      pausedEl.hidden = false;
    }
  }

  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ' ' || e.key === 'Spacebar' || e.key === 'k') toggle();
    else if (e.key === 'ArrowRight') show(index + 1);
    else if (e.key === 'ArrowLeft') show(index - 1);
    else if (e.key === 'f' || e.key === 'F') {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else void root.requestFullscreen?.().catch(() => {});
    } else return;
    e.preventDefault();
  });

  // Hide the mouse pointer when it rests.
  let idle: number | undefined;
  document.addEventListener('pointermove', () => {
    root.classList.remove('idle');
    window.clearTimeout(idle);
    idle = window.setTimeout(() => root.classList.add('idle'), 3000);
  });

  show(0);
}
