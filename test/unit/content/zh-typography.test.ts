import { describe, expect, it } from 'vitest';
import { chineseTexts, markdownFileTexts, type ChineseText } from './zh-text.ts';

/**
 * One typographic style for all Chinese on the site, the one a Chinese technical editor expects: “” quotes,
 * full-width brackets and punctuation, no italics, bold that sits tight against Chinese, one number format, and a
 * space between Chinese and Latin letters or digits (src/lib/join-cjk-lines.ts removes the line breaks between
 * Chinese characters, so a space there can only come from the writer). Code, URLs and inline code are not judged.
 */

const han = '\\p{Script=Han}';
/** Full-width punctuation and Chinese quotes: no space is ever needed next to them. */
const fullWidth = '\\u3000-\\u303f\\uff00-\\uffef“”‘’';
const latin = 'A-Za-z0-9';

/** An offending piece of text and where in the text it starts. */
interface Found {
  index: number;
  text: string;
}

interface Rule {
  /** What the rule holds, as the spec's name. */
  name: string;
  /** Only for Markdown, where * and ** are markup; elsewhere they are literal characters. */
  markdownOnly?: boolean;
  /** Each offending piece of the text, where it starts. */
  find: (text: string, from: ChineseText) => Found[];
}

const all = (pattern: RegExp, text: string): Found[] => [...text.matchAll(pattern)].map((match) => ({ index: match.index ?? 0, text: match[0] }));
const hasHan = (text: string) => new RegExp(han, 'u').test(text);
const isHan = (char: string | undefined) => char !== undefined && new RegExp(`^${han}$`, 'u').test(char);
const isLatin = (char: string | undefined) => char !== undefined && /^[A-Za-z0-9]$/.test(char);
const isFullWidth = (char: string | undefined) => char !== undefined && new RegExp(`^[${fullWidth}]$`, 'u').test(char);

/** Whether a quoted span in a comment is words: Chinese inside it, or Chinese right outside it (a space apart at most). */
function quotesWords(text: string, quoted: Found): boolean {
  const before = text.slice(0, quoted.index).replace(/ $/, '').at(-1);
  const after = text.slice(quoted.index + quoted.text.length).replace(/^ /, '')[0];
  return hasHan(quoted.text) || [before, after].some((char) => isHan(char) || isFullWidth(char));
}

/** Bold spans with the characters around them; a span may continue on the next line of a paragraph. */
function boldSpans(text: string) {
  return [...text.matchAll(/(?<!\*)\*\*(?!\*)([^*]+?)\*\*(?!\*)/g)].map((match) => ({
    before: text.slice(0, match.index).match(/(\S?)(\s*)$/u) ?? ['', '', ''],
    inner: match[1] ?? '',
    after: text.slice((match.index ?? 0) + match[0].length).match(/^(\s*)(\S?)/u) ?? ['', '', ''],
    whole: match[0],
    index: match.index ?? 0,
  }));
}

/** What is wrong at one edge of a bold span: the space rule applied across the ** as if it were not there. */
function boldEdge(outside: string | undefined, space: string, inside: string | undefined): string | undefined {
  if (outside === undefined || outside === '' || inside === undefined) return undefined;
  const cjk = (char: string) => isHan(char) || isFullWidth(char);
  if (space !== '' && cjk(outside) && cjk(inside)) return 'space between bold and Chinese';
  if (space !== '' && (isFullWidth(outside) || isFullWidth(inside))) return 'space next to full-width punctuation';
  if (space === '' && ((isHan(outside) && isLatin(inside)) || (isLatin(outside) && isHan(inside)))) return 'no space between Chinese and Latin';
  return undefined;
}

const rules = {
  quotes: {
    name: 'quotes are “”, not ASCII "" or 「」',
    // A comment quotes code too ({"hello": "world"}): there only quotes around or beside Chinese are words.
    find: (text, from) => [
      ...all(/[「」『』]/g, text),
      ...(!hasHan(text) ? [] : from.comment ? all(/"[^"\n]*"/g, text).filter((quoted) => quotesWords(text, quoted)) : all(/"/g, text)),
    ],
  },
  italics: {
    name: 'no italics in Chinese',
    markdownOnly: true,
    find: (text) => {
      const unbolded = text.replace(/\*\*([^*]+?)\*\*/g, '$1');
      return [
        ...all(new RegExp(`(?<![*\\w])\\*(?![\\s*])[^*\\n]*${han}[^*\\n]*(?<![\\s*])\\*(?![*\\w])`, 'gu'), unbolded),
        ...all(new RegExp(`(?<![\\w])_(?!\\s)[^_\\n]*${han}[^_\\n]*(?<!\\s)_(?![\\w])`, 'gu'), unbolded),
      ];
    },
  },
  bold: {
    name: 'bold: tight against Chinese, a space against Latin letters and digits, quotes and punctuation outside',
    markdownOnly: true,
    find: (text) =>
      boldSpans(text).flatMap(({ before, inner, after, whole, index }) => {
        const first = [...inner][0];
        const last = [...inner].at(-1);
        const problems = [
          /^\s|\s$/.test(inner) ? 'space inside the bold' : undefined,
          /^[“‘「《"]/u.test(inner) || /[。，、；：！？”’」》"]$/u.test(inner) ? 'quotes and punctuation go outside the bold' : undefined,
          // CommonMark: ** after punctuation closes only before a space or punctuation, or it is printed as asterisks.
          /\p{P}$/u.test(inner) && after[1] === '' && /^[\p{L}\p{N}]$/u.test(after[2] ?? '') ? 'printed as asterisks' : undefined,
          /^\p{P}/u.test(inner) && before[2] === '' && /^[\p{L}\p{N}]$/u.test(before[1] ?? '') ? 'printed as asterisks' : undefined,
          boldEdge(before[1], before[2] ?? '', first),
          boldEdge(after[2], after[1] ?? '', last),
        ].filter((problem) => problem !== undefined);
        return problems.map((problem) => ({ index, text: `${whole} (${problem})` }));
      }),
  },
  brackets: {
    name: 'brackets in Chinese text are full-width （）',
    find: (text) =>
      all(/\(([^()]*)\)/g, text).filter((match) => {
        const before = text.slice(0, match.index).trimEnd().at(-1);
        return hasHan(match.text) || isHan(before) || isFullWidth(before);
      }),
  },
  numbers: {
    name: 'numbers of four or more digits before a unit have thousands separators (3,072 MB)',
    find: (text) => all(/(?<![\d.,:/\w-])\d{4,}(?=\s?(?:MB|GB|KB|GBs|ms|毫秒|秒|次|个|条|元|美元|行|字节)(?![A-Za-z]))/g, text),
  },
  spacing: {
    name: 'a space between Chinese and Latin letters or digits',
    find: (text) => all(new RegExp(`${han}[${latin}]|[${latin}]${han}`, 'gu'), text),
  },
  punctuationSpace: {
    name: 'no space next to full-width punctuation',
    find: (text) => all(new RegExp(`[${fullWidth}] (?=[${latin}]|${han})|(?<=[${latin}]|${han}) [${fullWidth}]`, 'gu'), text),
  },
  punctuation: {
    name: 'full-width punctuation after Chinese',
    find: (text) => all(new RegExp(`${han}[,;!?:]|${han}\\.(?=\\s|$)`, 'gu'), text),
  },
} satisfies Record<string, Rule>;

/**
 * The texts a rule judges. A Markdown rule reads a paragraph at once (the consecutive lines of a file), because a line
 * break next to bold renders as a space: `的\n**运行**` shows a gap that `的**运行**` does not.
 */
function violations(rule: Rule, texts: readonly ChineseText[]): string[] {
  const judged = rule.markdownOnly ? paragraphs(texts.filter((text) => text.markdown)) : texts;
  return judged.flatMap((from) =>
    rule.find(from.text, from).map(({ index, text: found }) => `${from.file}:${from.line + (from.text.slice(0, index).match(/\n/g) ?? []).length}: ${found}`),
  );
}

function paragraphs(lines: readonly ChineseText[]): ChineseText[] {
  const out: ChineseText[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && last.file === line.file && last.line + (last.text.match(/\n/g) ?? []).length === line.line - 1) last.text += `\n${line.text}`;
    else out.push({ ...line });
  }
  return out;
}

const texts = await chineseTexts();

describe('the typography rules', () => {
  const sample = (body: string) => markdownFileTexts('page.mdx', `---\ntitle: 标题\n---\n${body}`);
  it.each([
    ['quotes', '他说"你好"，「好」。'],
    ['italics', '这是*很重要*的。'],
    ['bold', '点击 **运行** 按钮。'],
    ['bold', '**下线。**然后'],
    ['bold', '用**Node.js**跑。'],
    ['bold', '点击示例下方的\n**运行**。'],
    ['bold', '**FaaS（函数即服务）**是'],
    ['brackets', '函数 (云函数) 的'],
    ['numbers', '内存 3072 MB。'],
    ['spacing', '用Node跑。'],
    ['punctuationSpace', '好的， 走。'],
    ['punctuation', '好的,走。'],
  ] as const)('%s: catch "%s"', (rule, body) => {
    expect(violations(rules[rule], sample(body)).length).toBeGreaterThan(0);
  });

  it('tell quoted words from quoted code in a code comment', () => {
    const comment = (text: string): ChineseText[] => [{ file: 'index.zh-cn.ts', line: 1, text, markdown: false, comment: true }];
    expect(violations(rules.quotes, comment('返回 {"hello": "<name>"}，状态码 200。'))).toEqual([]);
    expect(violations(rules.quotes, comment('执行方法是 "index.handler"，一个只增不减的"缓存"。'))).toHaveLength(2);
  });

  it('leave code, URLs and correct text alone', () => {
    const body = [
      '点击“**运行**”，或运行 `node "a b".js (x)` 与 **Node.js** 运行时（2019 年，3,072 MB）。',
      '见 https://example.com/a_(b)_c 和[文档](https://example.com/"q")。',
      '```ts',
      'const s = "中文(x)";',
      '```',
    ].join('\n');
    expect(Object.values(rules).flatMap((rule) => violations(rule, sample(body)))).toEqual([]);
  });
});

describe('Chinese typography', () => {
  it.each(Object.values(rules))('$name', (rule) => {
    expect(violations(rule, texts)).toEqual([]);
  });
});
