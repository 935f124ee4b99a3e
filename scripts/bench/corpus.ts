/**
 * A deterministic (seeded) generator of a content folder in the authors' contract
 * (shared/content-format.md), for scale and search benchmarks.
 *
 *   import { generateCorpus } from './corpus.ts';
 *   const corpus = generateCorpus({ dir: '/tmp/x/content', entries: 2000, seed: 1 });
 *
 *   node scripts/bench/corpus.ts --dir /tmp/x/content --entries 2000 [--seed 1] [--photos 0.05] [--manifest m.json]
 *
 * What it writes (the same bytes for the same options, on any machine):
 * - site.yaml (base /dangjian/) and units.yaml: 20 organisations, a committee/general-branch/branch tree;
 * - 40% 红色亮点 (cases and model members, a few with `republish: false`), 40% 先锋沙龙 (issues numbered
 *   in date order, hosts rotating over the committees), 15% 视频展播 (videos on the intranet video server
 *   by URL, most with a small .vtt beside them), 5% 一图清 (folder with a small generated PNG and an outline);
 * - dates over ten years (2016-07-01 to 2026-06-30), no drafts, nothing scheduled;
 * - varied Chinese text: titles, people's names, places, topics, quotes and numbers drawn from word banks,
 *   so that a search benchmark has distinct words to look for; tags with a skewed (Zipf-like) distribution;
 *   links between entries (relative paths to other entries' files);
 * - with `photos` (a fraction, default 0.05): that share of salons and highlights become folders with
 *   small PNG photos (salon `photos:` field, highlight body image).
 *
 * The returned manifest lists every entry (column, slug, file, title, date, unit, tags, people, places,
 * topics) so that a benchmark can know what to look for without parsing the files again.
 */
import { deflateSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entrySlug } from '../../src/lib/slug.ts';

export interface CorpusOptions {
  /** The content folder to write (created; must be empty or a folder this generator wrote). */
  dir: string;
  /** Number of entries over the four columns. */
  entries: number;
  /** Seed of the random choices (default 1). */
  seed?: number;
  /** Share of salons and highlights that carry small photos (default 0.05). */
  photos?: number;
}

export type CorpusColumn = 'highlights' | 'salon' | 'videos' | 'one-picture';

export interface CorpusEntry {
  column: CorpusColumn;
  /** URL name (the `slug` field, or derived from the file name as the site does). */
  slug: string;
  /** Markdown file, relative to the content folder (`highlights/网格化服务-12.md`). */
  file: string;
  title: string;
  date: string;
  /** Unit credited (salon: the host). */
  unit: string;
  tags: string[];
  /** People named in the entry (speakers, model member, people quoted). */
  people: string[];
  /** Places named in the entry. */
  places: string[];
  /** Work topics the entry is about (full names as written in the text). */
  topics: string[];
  /** Image files written beside the entry (relative to the content folder). */
  images: string[];
}

export interface Corpus {
  dir: string;
  seed: number;
  units: { id: string; name: string; kind: string; parent?: string }[];
  entries: CorpusEntry[];
}

/** Marker file: lets a later run replace a folder this generator wrote, and nothing else. */
const MARKER = '.red-corpus';

/* ------------------------------------------------------------------ random */

/** mulberry32: small, fast, and the same sequence everywhere (the search benchmark draws its queries with it too). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** Skewed pick: early items are much more frequent (Zipf-like). */
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(next() ** 2.2 * list.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], n: number, how: (l: readonly T[]) => T = pick): T[] => {
    const out: T[] = [];
    for (let guard = 0; out.length < n && guard < n * 20; guard++) {
      const x = how(list);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  return { next, int, pick, skewed, chance, some };
}
type Rng = ReturnType<typeof rng>;

/* -------------------------------------------------------------- word banks */

const UNITS = [
  { id: 'nb-committee', name: '中国电信宁波分公司党委', kind: 'committee' },
  { id: 'hq-committee', name: '机关党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'hq-branch-1', name: '机关第一党支部', kind: 'branch', parent: 'hq-committee' },
  { id: 'hq-branch-2', name: '机关第二党支部', kind: 'branch', parent: 'hq-committee' },
  { id: 'gov-committee', name: '政企客户事业部党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'gov-branch-1', name: '政企行业客户党支部', kind: 'branch', parent: 'gov-committee' },
  { id: 'gov-branch-2', name: '政企大客户服务党支部', kind: 'branch', parent: 'gov-committee' },
  { id: 'public-committee', name: '公众客户事业部党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'haishu-general', name: '海曙营业部党总支', kind: 'general-branch', parent: 'public-committee' },
  { id: 'haishu-branch-1', name: '海曙城区支局党支部', kind: 'branch', parent: 'haishu-general' },
  { id: 'haishu-branch-2', name: '海曙西片支局党支部', kind: 'branch', parent: 'haishu-general' },
  { id: 'network-committee', name: '网络运营部党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'network-branch-line', name: '线路维护中心党支部', kind: 'branch', parent: 'network-committee' },
  { id: 'network-branch-noc', name: '网络监控中心党支部', kind: 'branch', parent: 'network-committee' },
  { id: 'yuyao-committee', name: '余姚分公司党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'yuyao-branch-city', name: '余姚城区支局党支部', kind: 'branch', parent: 'yuyao-committee' },
  { id: 'cixi-committee', name: '慈溪分公司党委', kind: 'committee', parent: 'nb-committee' },
  { id: 'cixi-general', name: '慈溪营业部党总支', kind: 'general-branch', parent: 'cixi-committee' },
  { id: 'cixi-branch-grid', name: '慈溪网格化营销党支部', kind: 'branch', parent: 'cixi-committee' },
  { id: 'cixi-branch-rural', name: '慈溪农村支局党支部', kind: 'branch', parent: 'cixi-general' },
] as const;
/** Salon hosts rotate over the committees and general branches. */
const HOSTS = UNITS.filter((u) => u.kind !== 'branch').map((u) => u.id);

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛段雷龙史陶贺毛郝顾龚邵万钱戴严孔向常汤康易乔赖文施洪应屠竺虞邬'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰红梅峰晓雯立群海卫东志鹏宇浩婷雪琳晨欣佳俊斌凯辉波宁颖鑫帆楠阳莉萍燕蕾岚倩瑶昊睿哲航博诚毅松柏春秋冬君兵亮武斐鸣嘉翔琦琪瑜璐蓉菲薇慧倩悦彤舒逸然昕跃轩'];

const PLACES = ['海曙', '江北', '鄞州', '镇海', '北仑', '奉化', '余姚', '慈溪', '宁海', '象山', '东钱湖', '梅山', '杭州湾新区', '石浦', '溪口', '前童', '四明山', '周巷', '观海卫', '龙山', '梁弄', '泗门', '大碶', '春晓', '姜山', '咸祥', '西店', '长街', '丹城', '高塘岛'];
const PLACE_KINDS = ['社区', '村', '街道', '工业园区', '渔港', '海岛', '商圈', '小区', '学校', '卫生院'];

/** [as written in the text, short form for tags and titles] */
const TOPICS: readonly (readonly [string, string])[] = [
  ['网格化服务', '网格化'], ['党员先锋岗', '先锋岗'], ['“三会一课”', '三会一课'], ['主题党日', '主题党日'],
  ['5G网络优化', '5G'], ['光缆抢修', '光缆抢修'], ['防汛防台', '防汛防台'], ['乡村振兴', '乡村振兴'],
  ['数字乡村', '数字乡村'], ['智慧社区', '智慧社区'], ['政企客户服务', '政企服务'], ['千兆宽带', '千兆宽带'],
  ['云网融合', '云网融合'], ['算力网络', '算力网络'], ['安全生产', '安全生产'], ['廉洁文化', '廉洁文化'],
  ['青年理论学习', '青年学习'], ['党员志愿服务', '志愿服务'], ['支部结对共建', '结对共建'], ['书记项目', '书记项目'],
  ['支部标准化建设', '标准化'], ['党建品牌', '党建品牌'], ['红色阵地', '红色阵地'], ['装维服务', '装维服务'],
  ['营业厅服务', '营业厅'], ['反诈宣传', '反诈'], ['适老化服务', '适老化'], ['应急通信保障', '应急通信'],
  ['重大活动通信保障', '通信保障'], ['党史学习教育', '党史学习'], ['主题教育', '主题教育'], ['党员积分管理', '积分管理'],
  ['发展党员', '发展党员'], ['党费收缴', '党费'], ['基层减负', '基层减负'], ['客户满意度提升', '客户满意'],
  ['天翼云', '天翼云'], ['物联网', '物联网'], ['工业互联网', '工业互联网'], ['数字政府', '数字政府'],
  ['智慧校园', '智慧校园'], ['智慧医疗', '智慧医疗'], ['平安乡村', '平安乡村'], ['雪亮工程', '雪亮工程'],
  ['渔船通信', '渔船通信'], ['海岛通信', '海岛通信'], ['劳模创新工作室', '劳模工作室'], ['师带徒', '师带徒'],
  ['技能比武', '技能比武'], ['党建带工建', '党建带工建'], ['党建带团建', '党建带团建'], ['困难职工帮扶', '帮扶'],
  ['红色教育基地', '红色教育'], ['微党课', '微党课'], ['支部微课园', '微课园'], ['“红色三样”', '红色三样'],
  ['“每日四问”', '每日四问'], ['星级支部评定', '星级制'], ['党员服务清单', '服务清单'], ['网络安全', '网络安全'],
  ['降本增效', '降本增效'], ['合规经营', '合规'], ['作风建设', '作风建设'], ['调查研究', '调查研究'],
  ['“我为群众办实事”', '办实事'], ['基站节能', '节能'], ['机房巡检', '巡检'], ['全光网络', '全光网'],
  ['FTTR全屋光宽带', 'FTTR'], ['5G专网', '5G专网'], ['党员突击队', '突击队'], ['无人机巡线', '无人机'],
];
const ROLES = ['支部书记', '网格经理', '装维工程师', '客户经理', '光缆维护班班长', '5G无线网络优化工程师', '营业厅店长', '政企客户经理', '机房值班长', '团委书记', '党务干部', '纪检委员', '组织委员', '宣传委员', '线路维护员', '网络监控员', '综合办主任', '党委书记', '党委副书记', '工会主席'];
const VERBS = ['推进', '深化', '打造', '落实', '探索', '完善', '提升', '强化', '拓展', '创新', '做实', '抓好'];
const THINGS = ['工作机制', '服务清单', '责任链条', '考核办法', '协同流程', '培训课程', '志愿服务队', '服务站点', '作战图', '问题台账', '学习小组', '攻坚项目', '示范岗', '督办制度', '联络员制度'];
const RESULTS = ['客户满意度明显提高', '故障处理时长缩短了一半', '一批难题得到解决', '支部凝聚力不断增强', '党员的身份意识更强了', '业务发展和党建工作同频共振', '群众口碑持续向好', '青年员工成长更快', '服务响应更加及时', '基层负担切实减轻'];
const QUOTES = [
  '群众的事再小也是大事', '党员就要冲在前面', '把服务做到客户心坎上', '网络通了，大家的心也就通了',
  '哪里有需要，哪里就有党员', '支部书记要带头讲、带头干', '身份亮出来，标准立起来', '多跑一步路，少让群众跑一趟',
  '台风不过，我们不撤', '学习不是任务，是底气', '一个支部就是一座堡垒', '把每一根光缆都当成生命线',
  '先把问题找准，再把办法想透', '老百姓认可，才是真的做好了', '年轻人要敢挑重担', '把党建写在一线',
];
const PARTICIPANTS = ['各支部书记', '各支部书记、党务干部', '网格党员代表', '青年党员', '党委委员、支部书记', '一线党员代表', '新任支部委员', '政企客户经理党员', '装维班组党员', '入党积极分子'];
const KIND_WORDS = { case: ['工作法', '机制', '模式', '做法', '实践', '路径'], model: ['带头人', '守护者', '排头兵', '领跑者', '追梦人', '老黄牛'] };
const SALON_THEMES = ['大家谈', '经验交流', '专题研讨', '书记论坛', '案例分享', '青年说', '现场观摩'];
const VIDEO_WORDS = ['纪实', '微纪录片', '风采', '一线故事', '工作掠影', '专题片', '快闪'];
const LABELS = ['走访', '服务', '反馈', '学习', '考核', '帮扶', '联建', '攻坚', '培训', '宣传'];
const HEADINGS_CASE = ['背景', '主要做法', '工作成效', '经验启示', '下一步打算'];
const HEADINGS_MODEL = ['人物简介', '扎根一线', '攻坚克难', '群众口碑', '心里话'];
const HEADINGS_SALON = ['本期要点', '交流发言', '现场互动', '下一步'];

/* -------------------------------------------------------------- text */

interface Ctx {
  r: Rng;
  unitName: string;
  /** Year of the entry (figures quoted are from the years before). */
  year: number;
  topics: (readonly [string, string])[];
  people: string[];
  places: string[];
}

function personName(r: Rng): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '');
}
function placeName(r: Rng): string {
  return r.pick(PLACES) + (r.chance(0.6) ? r.pick(PLACE_KINDS) : '');
}
function newPerson(c: Ctx): string {
  const n = personName(c.r);
  c.people.push(n);
  return n;
}
function place(c: Ctx): string {
  const p = c.places.length && c.r.chance(0.5) ? c.r.pick(c.places) : placeName(c.r);
  if (!c.places.includes(p)) c.places.push(p);
  return p;
}
const topic = (c: Ctx) => c.r.pick(c.topics)[0];

const SENTENCES: ((c: Ctx) => string)[] = [
  (c) => `${c.unitName}围绕${topic(c)}，${c.r.pick(VERBS)}${c.r.pick(THINGS)}，${c.r.pick(RESULTS)}。`,
  (c) => `今年以来，${c.unitName}在${place(c)}共开展${topic(c)}活动${c.r.int(3, 60)}次，覆盖党员${c.r.int(20, 400)}人次。`,
  (c) => `“${c.r.pick(QUOTES)}。”${c.r.pick(ROLES)}${newPerson(c)}说。`,
  (c) => `${newPerson(c)}是${c.r.pick(ROLES)}，${c.r.int(3, 25)}年来一直在${place(c)}一线工作，把${topic(c)}当作自己的“责任田”。`,
  (c) => `针对${place(c)}群众反映的${c.r.pick(['网络覆盖', '宽带提速', '上门装维', '老人用机', '资费咨询', '信号盲区'])}问题，支部建立${c.r.pick(THINGS)}，做到当天受理、${c.r.int(2, 7)}天内办结。`,
  (c) => {
    const [a, b] = c.r.some(TOPICS, 2);
    return `通过${a![0]}和${b![0]}“两手抓”，党员的先锋作用在急难险重任务中得到充分体现。`;
  },
  (c) => `${c.r.pick(['全年', '半年来', '三年来', '一年来'])}累计走访客户${c.r.int(100, 5000)}户，解决实际问题${c.r.int(10, 300)}个，收到表扬信${c.r.int(2, 40)}封。`,
  (c) => `在${place(c)}的${topic(c)}现场，党员们亮身份、作表率，${c.r.pick(RESULTS)}。`,
  (c) => `支部把${topic(c)}纳入“书记项目”，每月召开一次推进会，${c.r.pick(['问题清单', '责任清单', '任务清单'])}逐项销号。`,
  (c) => `${c.r.pick(['台风', '寒潮', '暴雨', '大雪'])}过境期间，党员突击队连续奋战${c.r.int(12, 72)}小时，抢通${place(c)}光缆${c.r.int(3, 40)}处。`,
  (c) => `${newPerson(c)}带着徒弟${newPerson(c)}，把多年积累的${topic(c)}经验整理成${c.r.int(5, 30)}条口诀，在班组里传开了。`,
  (c) => `这一做法被${c.r.pick(['市公司', '省公司', '地方党委', '兄弟单位'])}推广，先后有${c.r.int(3, 30)}家单位前来交流学习。`,
  (c) => `党员们利用业余时间走进${place(c)}，为老年人讲解智能手机使用和防范电信诈骗的常识。`,
  (c) => `大家认为，抓好${topic(c)}，关键是${c.r.pick(['把支部建在一线', '让党员站到前台', '把制度落到细处', '用数据说话', '把群众满意作为标准'])}。`,
  (c) => `${c.unitName}还把${topic(c)}与业务发展结合起来，${c.r.pick(VERBS)}${c.r.pick(THINGS)}，形成了可复制的经验。`,
  (c) => `截至${c.r.int(c.year - 4, c.year - 1)}年底，${place(c)}${c.r.pick(['千兆光网', '5G基站', '智慧门铃', '视频监控', '物联网终端'])}覆盖率达到${c.r.int(60, 100)}%。`,
  (c) => `${c.r.pick(ROLES)}${newPerson(c)}在发言中谈到，${c.r.pick(QUOTES)}，这是${topic(c)}工作的出发点和落脚点。`,
];

function sentence(c: Ctx): string {
  return c.r.pick(SENTENCES)(c);
}
function paragraph(c: Ctx, min = 2, max = 5): string {
  return Array.from({ length: c.r.int(min, max) }, () => sentence(c)).join('');
}
function bullets(c: Ctx, n: number): string[] {
  return Array.from({ length: n }, () => {
    const t = topic(c);
    return c.r.pick([
      `以${t}为抓手，${c.r.pick(VERBS)}${c.r.pick(THINGS)}`,
      `${c.r.pick(VERBS)}${t}${c.r.pick(THINGS)}，明确责任人和完成时限`,
      `党员在${t}中亮身份、作表率，接受群众评议`,
      `每季度对照${c.r.pick(THINGS)}开展一次${t}回头看`,
      `建立${t}${c.r.pick(THINGS)}，问题当天反馈、限期办结`,
    ]);
  });
}

/* -------------------------------------------------------------- PNG */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A small RGB PNG: a warm gradient with a few blocks, different for every `r` state. */
export function makePng(r: Rng, width: number, height: number): Buffer {
  const base = [r.int(150, 220), r.int(20, 60), r.int(20, 60)];
  const blocks = Array.from({ length: r.int(3, 7) }, () => ({
    x: r.int(0, width - 20), y: r.int(0, height - 20), w: r.int(10, width / 2), h: r.int(8, height / 4),
    c: [r.int(200, 255), r.int(160, 220), r.int(40, 120)],
  }));
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride; // filter byte 0 (none) at row start
    const red = Math.min(255, base[0]! + Math.floor((y * 40) / height));
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      raw[o] = red;
      raw[o + 1] = Math.min(255, base[1]! + Math.floor((x * 30) / width));
      raw[o + 2] = base[2]!;
    }
  }
  for (const b of blocks) {
    for (let y = b.y; y < Math.min(height, b.y + b.h); y++) {
      for (let x = b.x; x < Math.min(width, b.x + b.w); x++) raw.set(b.c, y * stride + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/* -------------------------------------------------------------- YAML */

/** A YAML scalar: quoted when plain style could be misread. */
function y(s: string): string {
  return /^[\s"'\-?:,[\]{}#&*!|>%@`]|[:#]\s|[\s:]$|^(true|false|null|yes|no|~|\d[\d.:-]*)$/i.test(s) ? JSON.stringify(s) : s;
}
const ylist = (items: string[]) => `[${items.map(y).join(', ')}]`;

/* -------------------------------------------------------------- plan */

interface Planned {
  column: CorpusColumn;
  date: string;
  n: number;
}

const START = Date.UTC(2016, 6, 1);
const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function plan(r: Rng, total: number): Planned[] {
  const counts: [CorpusColumn, number][] = [
    ['highlights', Math.round(total * 0.4)],
    ['salon', Math.round(total * 0.4)],
    ['videos', Math.round(total * 0.15)],
  ];
  counts.push(['one-picture', total - counts.reduce((s, [, n]) => s + n, 0)]);
  const days = (END - START) / DAY;
  const out: Planned[] = [];
  for (const [column, n] of counts) {
    for (let i = 0; i < n; i++) out.push({ column, date: iso(START + r.int(0, days) * DAY), n: 0 });
  }
  // Date order, then column, so that numbering (salon issues, file names) follows time.
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  const seen = new Map<CorpusColumn, number>();
  for (const p of out) {
    p.n = (seen.get(p.column) ?? 0) + 1;
    seen.set(p.column, p.n);
  }
  return out;
}

/* -------------------------------------------------------------- entries */

interface Written extends CorpusEntry {
  /** Body and front matter, written once every entry's file name is known (for links). */
  render: (links: CorpusEntry[]) => string;
}

const pad = (n: number, w = 5) => String(n).padStart(w, '0');

function makeEntry(r: Rng, p: Planned, photos: number, files: Map<string, Buffer>): Written {
  const unit = p.column === 'salon' ? HOSTS[(p.n - 1) % HOSTS.length]! : r.pick(UNITS).id;
  const unitName = UNITS.find((u) => u.id === unit)!.name;
  // The main topic is drawn evenly (varied titles); the others, like tags, favour the common ones.
  const first = r.pick(TOPICS);
  const c: Ctx = { r, unitName, year: Number(p.date.slice(0, 4)), topics: [first, ...r.some(TOPICS, r.int(1, 3), r.skewed).filter((t) => t !== first)], people: [], places: [] };
  const main = c.topics[0]!;
  const tags = r.some(TOPICS.map((t) => t[1]), r.int(1, 4), r.skewed);
  if (!tags.includes(main[1])) tags.unshift(main[1]);
  const year = p.date.slice(0, 4);
  const summary = () => (r.chance(0.7) ? paragraph(c, 1, 2).slice(0, 120) : undefined);
  const withPhotos = (p.column === 'salon' || p.column === 'highlights') && r.chance(photos);
  const images: string[] = [];
  const lines: string[] = [];
  let title: string;
  let file: string;
  let slugField: string | undefined;
  let body: (links: CorpusEntry[]) => string;

  const linkLine = (links: CorpusEntry[], self: string): string => {
    if (links.length < 2 || !r.chance(0.5)) return '';
    const other = links[r.int(0, links.length - 1)]!;
    if (other.file === self) return '';
    const from = path.posix.dirname(self);
    return `\n\n相关内容见[${other.title}](${path.posix.relative(from, other.file)})。`;
  };

  switch (p.column) {
    case 'highlights': {
      const kind = r.chance(0.6) ? 'case' : 'model';
      const person = kind === 'model' ? newPerson(c) : undefined;
      const role = r.pick(ROLES);
      title = kind === 'case'
        ? `${place(c)}：${main[0]}的“${r.pick(['一', '两', '三', '四', '五'])}${r.pick(['心', '同', '访', '清', '联', '帮'])}”${r.pick(KIND_WORDS.case)}`
        : `${person}：${main[1]}一线的${r.pick(KIND_WORDS.model)}`;
      const name = kind === 'case' ? `${main[1]}${r.pick(KIND_WORDS.case)}` : person!;
      const folder = withPhotos;
      file = folder ? `highlights/${name}-${pad(p.n)}/index.md` : `highlights/${name}-${pad(p.n)}.md`;
      if (r.chance(0.3)) slugField = `hl-${year}-${pad(p.n)}`;
      const s = summary();
      lines.push(`title: ${y(title)}`, `date: ${p.date}`, `unit: ${unit}`, `kind: ${kind}`);
      if (person) lines.push(`person: { name: ${person}, role: ${role} }`);
      lines.push(`author: ${y(`${unitName}宣传组`)}`);
      if (s) lines.push(`summary: ${y(s)}`);
      lines.push(`tags: ${ylist(tags)}`);
      const rep = bullets(c, r.int(0, 4));
      if (rep.length) lines.push('replicable:', ...rep.map((b) => `  - ${y(b)}`));
      if (r.chance(0.05)) lines.push('republish: false');
      if (folder) {
        const img = `${path.posix.dirname(file)}/xianchang.png`;
        files.set(img, makePng(r, 480, 320));
        images.push(img);
      }
      const heads = kind === 'case' ? HEADINGS_CASE : HEADINGS_MODEL;
      const paras = heads.slice(0, r.int(3, heads.length)).map((h, i) => {
        let text = `## ${h}\n\n${paragraph(c, 2, 5)}\n\n${paragraph(c, 2, 4)}`;
        if (i === 1) text += `\n\n${bullets(c, r.int(2, 5)).map((b) => `- **${r.pick(LABELS)}**：${b}；`).join('\n')}`;
        if (i === 1 && folder) text += `\n\n![${place(c)}的党员在${main[0]}现场](./xianchang.png)`;
        if (i === 2 && r.chance(0.3)) text += `\n\n> ${r.pick(QUOTES)}。——${newPerson(c)}`;
        return text;
      });
      body = (links) => paras.join('\n\n') + linkLine(links, file);
      break;
    }
    case 'salon': {
      const theme = r.pick(SALON_THEMES);
      title = `第${p.n}期先锋沙龙：${main[0]}${theme}`;
      file = withPhotos ? `salon/${p.date}-${pad(p.n, 4)}/index.md` : `salon/${p.date}-${pad(p.n, 4)}.md`;
      const speakers = Array.from({ length: r.int(0, 4) }, () => ({ name: newPerson(c), role: `${r.pick(UNITS).name}${r.pick(ROLES)}` }));
      const s = summary();
      lines.push(`title: ${y(title)}`, `date: ${p.date}`, `issue: ${p.n}`, `host: ${unit}`, `participants: ${y(r.pick(PARTICIPANTS))}`);
      if (speakers.length) lines.push('speakers:', ...speakers.map((sp) => `  - name: ${sp.name}\n    role: ${y(sp.role)}`));
      if (withPhotos) {
        lines.push('photos:');
        for (let k = 1; k <= r.int(1, 3); k++) {
          const img = `${path.posix.dirname(file)}/photo-${k}.png`;
          files.set(img, makePng(r, 400, 300));
          images.push(img);
          lines.push(`  - src: ./photo-${k}.png`, `    alt: ${y(`第${p.n}期沙龙现场，与会党员围坐交流${main[1]}`)}`);
          if (r.chance(0.5)) lines.push(`    caption: ${y(`${place(c)}${r.pick(['党员活动室', '会议室', '红色阵地'])}`)}`);
        }
      }
      if (s) lines.push(`summary: ${y(s)}`);
      lines.push(`tags: ${ylist(tags)}`);
      const paras = HEADINGS_SALON.slice(0, r.int(2, 4)).map((h, i) => {
        let text = `## ${h}\n\n${paragraph(c, 2, 5)}`;
        if (i === 0) text += `\n\n${bullets(c, r.int(2, 4)).map((b, k) => `${k + 1}. ${b}；`).join('\n')}`;
        return text;
      });
      body = (links) => paras.join('\n\n') + linkLine(links, file);
      break;
    }
    case 'videos': {
      const pl = place(c);
      title = `${main[1]}｜${pl}${r.pick(['党员', '支部', '网格', '青年'])}${r.pick(VIDEO_WORDS)}`;
      const name = `${main[1]}${r.pick(VIDEO_WORDS)}-${pad(p.n)}`;
      const captions = r.chance(0.9);
      file = captions ? `videos/${name}/index.md` : `videos/${name}.md`;
      if (r.chance(0.5)) slugField = `video-${year}-${pad(p.n)}`;
      const s = summary();
      lines.push(
        `title: ${y(title)}`, `date: ${p.date}`, `unit: ${unit}`,
        `category: ${r.pick(['activity', 'grassroots', 'model'])}`,
        `video: http://video.intranet.example.cn/dangjian/${year}/v${pad(p.n)}.mp4`,
      );
      if (captions) lines.push('captions: ./captions.vtt');
      lines.push(`duration: "${r.int(0, 12)}:${String(r.int(0, 59)).padStart(2, '0')}"`);
      if (s) lines.push(`summary: ${y(s)}`);
      lines.push(`tags: ${ylist(tags)}`);
      if (captions) {
        const cues = Array.from({ length: r.int(4, 12) }, (_, k) => {
          const t = (k * 4).toString().padStart(2, '0');
          const e = (k * 4 + 3).toString().padStart(2, '0');
          return `00:00:${t.slice(-2)}.000 --> 00:00:${e.slice(-2)}.500\n${sentence(c).slice(0, 40)}`;
        });
        files.set(`${path.posix.dirname(file)}/captions.vtt`, Buffer.from(`WEBVTT\n\n${cues.join('\n\n')}\n`, 'utf8'));
      }
      const para = paragraph(c, 1, 3);
      body = (links) => `本片讲述了${unitName}在${pl}开展${main[0]}的故事。${para}` + linkLine(links, file);
      break;
    }
    case 'one-picture': {
      const quarter = r.chance(0.5) ? `第${r.pick(['一', '二', '三', '四'])}季度` : '年度';
      title = `${year}年${quarter === '年度' ? '' : quarter}${main[1]}工作一图清`;
      file = `one-picture/yitu-${year}-${pad(p.n, 4)}/index.md`;
      const img = `${path.posix.dirname(file)}/guide.png`;
      files.set(img, makePng(r, 300, 900));
      images.push(img);
      const s = summary();
      lines.push(
        `title: ${y(title)}`, `date: ${p.date}`, `unit: ${unit}`, 'image: ./guide.png',
        `imageAlt: ${y(`${main[1]}工作一图清长图，红底金字，列出思路、重点和举措`)}`,
        `period: ${y(quarter === '年度' ? `${year}年度` : `${year}年${quarter}`)}`,
      );
      if (s) lines.push(`summary: ${y(s)}`);
      lines.push(`tags: ${ylist(tags)}`, 'outline:');
      for (const h of ['思路', '重点', '举措']) lines.push(`  - heading: ${h}`, '    points:', ...bullets(c, r.int(2, 4)).map((b) => `      - ${y(b)}`));
      const paras = [`## 一图读懂\n\n${paragraph(c, 2, 4)}`, `## 怎么用这张图\n\n${paragraph(c, 1, 3)}`];
      body = (links) => paras.join('\n\n') + linkLine(links, file);
      break;
    }
  }
  const rel = path.posix.relative(p.column, file).replace(/\\/g, '/');
  const slug = entrySlug(rel, slugField);
  if (slugField) lines.push(`slug: ${slugField}`);
  const front = lines.join('\n');
  return {
    column: p.column, slug, file, title, date: p.date, unit, tags,
    people: [...new Set(c.people)], places: [...new Set(c.places)], topics: c.topics.map((t) => t[0]), images,
    render: (links) => `---\n${front}\n---\n\n${body(links)}\n`,
  };
}

/* -------------------------------------------------------------- main */

export function generateCorpus(options: CorpusOptions): Corpus {
  const { dir, entries: total, seed = 1, photos = 0.05 } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error(`entries must be a positive integer (got ${total})`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(path.join(dir, MARKER))) throw new Error(`${dir} is not empty and was not written by the corpus generator: refusing to replace it`);
    rmSync(dir, { recursive: true, force: true });
  }
  const r = rng(seed);
  const files = new Map<string, Buffer>();
  const written = plan(r, total).map((p) => makeEntry(r, p, photos, files));
  // Links point at entries written before (like authors do), chosen among the last 200.
  for (let i = 0; i < written.length; i++) {
    const w = written[i]!;
    files.set(w.file, Buffer.from(w.render(written.slice(Math.max(0, i - 200), i)), 'utf8'));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MARKER), `generated by scripts/bench/corpus.ts: entries=${total} seed=${seed} photos=${photos}\n`);
  writeFileSync(
    path.join(dir, 'site.yaml'),
    '# generated corpus (scripts/bench/corpus.ts)\ntitle: 红色专栏\norganization: 中国电信宁波分公司党委\ndescription: 党建宣传内网专栏（生成的测试内容）\nurl: https://intranet.example.cn\nbase: /dangjian/\n',
  );
  writeFileSync(
    path.join(dir, 'units.yaml'),
    UNITS.map((u) => `- id: ${u.id}\n  name: ${u.name}\n  kind: ${u.kind}${'parent' in u ? `\n  parent: ${u.parent}` : ''}`).join('\n') + '\n',
  );
  for (const c of ['one-picture', 'salon', 'highlights', 'videos']) mkdirSync(path.join(dir, c), { recursive: true });
  const made = new Set<string>();
  for (const [rel, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = path.join(dir, rel);
    const parent = path.dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, data);
  }
  return {
    dir,
    seed,
    units: UNITS.map((u) => ({ ...u })),
    entries: written.map(({ render: _render, ...e }) => e),
  };
}

/* -------------------------------------------------------------- CLI */

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = opt('dir');
  const entries = Number(opt('entries'));
  if (!dir || !entries) {
    console.log('usage: node scripts/bench/corpus.ts --dir DIR --entries N [--seed 1] [--photos 0.05] [--manifest FILE.json]');
    process.exit(args.length ? 1 : 0);
  }
  const t = performance.now();
  const corpus = generateCorpus({ dir: path.resolve(dir), entries, seed: Number(opt('seed') ?? 1), photos: Number(opt('photos') ?? 0.05) });
  const byColumn = Object.groupBy(corpus.entries, (e) => e.column);
  console.log(
    `corpus: ${corpus.entries.length} entries in ${corpus.dir} (${Object.entries(byColumn).map(([k, v]) => `${k} ${v!.length}`).join(', ')}; ` +
      `${corpus.entries.reduce((s, e) => s + e.images.length, 0)} images) in ${(performance.now() - t).toFixed(0)} ms`,
  );
  const manifest = opt('manifest');
  if (manifest) writeFileSync(manifest, JSON.stringify(corpus, null, 1));
}
