import { deflateSync } from "node:zlib";
import { PDFDocument, PDFName, StandardFonts, rgb, type PDFFont, type RGB } from "pdf-lib";
import { formatDateTime } from "../../platform/time/dates";
import { periodWords, type PackBlock, type PackContent, type PackProgressListener, type PackSection } from "./rules/pack";

// The scrutiny pack as a PDF (docs/decisions/0019): laid out first as pages
// of drawing operations, so the contents can print the page each section
// really starts on (however many pages the contents itself takes), then
// drawn with pdf-lib's standard fonts. Those fonts encode WinAnsi only, so
// every piece of text passes through pdfSafe before it is measured or drawn.

// ------------------------------------------------------------------ text the fonts can draw

/** Windows-1252's characters outside Latin-1: WinAnsi encodes these as well as U+0020–U+007E and U+00A1–U+00FF. */
const WIN_ANSI_EXTRA = new Set([0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178]);

const encodable = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff && cp !== 0xad) || WIN_ANSI_EXTRA.has(cp);

/** Common characters outside WinAnsi, and the nearest it can draw. */
const NEAREST: Record<string, string> = {
  "\u00a0": " ", // no-break space
  "\u00ad": "", // soft hyphen
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "\u2014",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u201b": "'",
  "\u201f": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2194": "<->",
  "\u21d2": "=>",
  "\u2265": ">=",
  "\u2264": "<=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u2713": "Yes",
  "\u2714": "Yes",
  "\u2717": "x",
  "\u2718": "x",
  "\u2715": "x",
  "\u25cf": "\u2022",
  "\u25e6": "\u2022",
  "\u2023": "\u2022",
  "\u2043": "-",
  "\u2044": "/",
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
  "\u2215": "/",
};

/**
 * Text the standard fonts can draw: characters WinAnsi encodes kept; common
 * others replaced by their nearest ("≥" by ">=", "→" by "->", a no-break
 * space by a space); letters with accents WinAnsi lacks (ŵ, ő, ł) by their
 * base letter where Unicode decomposes them; control characters by a space;
 * anything else by "?". No input makes drawing throw.
 */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (encodable(cp)) out += ch;
    else if (ch in NEAREST) out += NEAREST[ch];
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029) out += " ";
    else {
      const base = [...ch.normalize("NFKD")].filter((c) => encodable(c.codePointAt(0)!)).join("");
      out += base || "?";
    }
  }
  return out;
}

const widths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of text as drawn: the sum of its characters' widths. (pdf-lib's
 * widthOfTextAtSize also applies kerning, which drawing text with Tj does
 * not; and summing cached widths is what keeps a long pack fast.)
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let cache = widths.get(font);
  if (!cache) widths.set(font, (cache = new Map()));
  let total = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) cache.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
    total += w;
  }
  return (total * size) / 1000;
}

/**
 * Text broken into lines no wider than `maxWidth` at `size`: at spaces, and
 * inside a word only when the word alone is wider than the line. Line breaks
 * in the text are kept. Every line is pdfSafe.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => textWidth(s, font, size);
  const space = width(" ");
  const lines: string[] = [];
  for (const hard of text.split(/\r\n|\r|\n/)) {
    const words = pdfSafe(hard).split(" ").filter(Boolean);
    let line = "";
    let lineWidth = 0;
    for (let word of words) {
      let w = width(word);
      if (line && lineWidth + space + w <= maxWidth) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line (a reference, a hash, an address) is broken after its last
      // hyphen or slash that fits, or else where it reaches the edge.
      while (w > maxWidth) {
        const chars = [...word];
        let n = 1;
        let used = width(chars[0]);
        while (n < chars.length && used + width(chars[n]) <= maxWidth) used += width(chars[n++]);
        const hyphen = Math.max(chars.lastIndexOf("-", n - 1), chars.lastIndexOf("/", n - 1));
        if (hyphen > 0 && hyphen < n - 1) n = hyphen + 1;
        lines.push(chars.slice(0, n).join(""));
        word = chars.slice(n).join("");
        w = width(word);
      }
      line = word;
      lineWidth = w;
    }
    lines.push(line);
  }
  return lines;
}

// ------------------------------------------------------------------ layout

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 56, top: 60, bottom: 64 };
const CONTENT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;
const FOOTER_Y = 34;
const BLACK = rgb(0.043, 0.047, 0.047);
const GREY = rgb(0.314, 0.353, 0.373);
const RULE = rgb(0.694, 0.706, 0.714);
const HEADER_FILL = rgb(0.953, 0.949, 0.945);

const TYPE = {
  title: { size: 20, leading: 25 },
  subheading: { size: 13, leading: 17 },
  body: { size: 10.5, leading: 14 },
  caption: { size: 10.5, leading: 14 },
  cell: { size: 9, leading: 11.5 },
  code: { size: 9, leading: 12 },
};
const CELL_PAD = 4;

type FontKey = "regular" | "bold" | "mono";
export type Fonts = Record<FontKey, PDFFont>;

type Op = { kind: "text"; x: number; y: number; text: string; font: FontKey; size: number; colour?: "grey" } | { kind: "rect"; x: number; y: number; w: number; h: number } | { kind: "rule"; x1: number; x2: number; y: number };

type LaidPage = Op[];

/** Pages being filled top to bottom; `y` is the baseline-free top of the space left. */
class Flow {
  pages: LaidPage[] = [];
  y = 0;
  constructor(private readonly fonts: Fonts) {}

  get page() {
    return this.pages[this.pages.length - 1];
  }
  newPage() {
    this.pages.push([]);
    this.y = A4[1] - MARGIN.top;
  }
  /** Room left on this page. */
  get room() {
    return this.y - MARGIN.bottom;
  }
  /** A new page unless `height` fits in what is left of this one. */
  need(height: number) {
    if (height > this.room) this.newPage();
  }
  /** Lines of text, breaking to a new page between lines where needed. */
  lines(lines: string[], font: FontKey, type: { size: number; leading: number }, x = MARGIN.left, colour?: "grey") {
    for (const line of lines) {
      this.need(type.leading);
      this.page.push({ kind: "text", x, y: this.y - type.size, text: line, font, size: type.size, colour });
      this.y -= type.leading;
    }
  }
  wrap(text: string, font: FontKey, type: { size: number; leading: number }, width = CONTENT_WIDTH) {
    return wrapText(text, this.fonts[font], type.size, width);
  }
  gap(height: number) {
    this.y -= height;
  }
}

function layoutTable(flow: Flow, fonts: Fonts, block: Extract<PackBlock, { kind: "table" }>) {
  const caption = flow.wrap(block.caption, "bold", TYPE.caption);
  if (!block.rows.length) {
    flow.need(caption.length * TYPE.caption.leading + TYPE.body.leading);
    flow.lines(caption, "bold", TYPE.caption);
    flow.gap(2);
    flow.lines(flow.wrap(block.empty, "regular", TYPE.body), "regular", TYPE.body);
    flow.gap(10);
    return;
  }
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const cellLines = (cells: string[], header: boolean) =>
    cells.map((text, i) => wrapText(text, fonts[header || (block.rowHeaders && i === 0) ? "bold" : "regular"], TYPE.cell.size, widths[i] - 2 * CELL_PAD));
  const heightOf = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * TYPE.cell.leading + 2 * CELL_PAD;
  const header = cellLines(
    block.columns.map((c) => c.header),
    true,
  );
  const headerHeight = heightOf(header);

  /** Draws one row's lines from `from` (a line index), as many as fit; returns the next line index. */
  const drawRow = (lines: string[][], isHeader: boolean, from: number, maxLines: number) => {
    const count = Math.min(maxLines, Math.max(1, ...lines.map((l) => l.length)) - from);
    const height = count * TYPE.cell.leading + 2 * CELL_PAD;
    if (isHeader) flow.page.push({ kind: "rect", x: MARGIN.left, y: flow.y - height, w: CONTENT_WIDTH, h: height });
    lines.forEach((cell, i) => {
      cell.slice(from, from + count).forEach((line, j) => {
        const font: FontKey = isHeader || (block.rowHeaders && i === 0) ? "bold" : "regular";
        const x = block.columns[i].numeric ? lefts[i] + widths[i] - CELL_PAD - textWidth(line, fonts[font], TYPE.cell.size) : lefts[i] + CELL_PAD;
        flow.page.push({ kind: "text", x, y: flow.y - CELL_PAD - j * TYPE.cell.leading - TYPE.cell.size, text: line, font, size: TYPE.cell.size });
      });
    });
    flow.y -= height;
    flow.page.push({ kind: "rule", x1: MARGIN.left, x2: MARGIN.left + CONTENT_WIDTH, y: flow.y });
    return from + count;
  };
  const continued = flow.wrap(`${block.caption} (continued)`, "bold", TYPE.caption);
  const startPage = (captionLines: string[]) => {
    flow.lines(captionLines, "bold", TYPE.caption);
    flow.gap(2);
    drawRow(header, true, 0, Infinity);
  };

  const rows = block.rows.map((r) => cellLines(r, false));
  // The caption, the header and the first row (or as much of it as a page holds) stay together.
  flow.need(Math.min(caption.length * TYPE.caption.leading + 2 + headerHeight + heightOf(rows[0]), A4[1] - MARGIN.top - MARGIN.bottom));
  startPage(caption);
  for (const row of rows) {
    const lineCount = Math.max(1, ...row.map((l) => l.length));
    let from = 0;
    while (from < lineCount) {
      const fits = Math.floor((flow.room - 2 * CELL_PAD) / TYPE.cell.leading);
      const left = lineCount - from;
      // A row moves whole to the next page if it fits there; only a row taller than a page is split.
      const freshRoom = A4[1] - MARGIN.top - MARGIN.bottom - continued.length * TYPE.caption.leading - 2 - headerHeight;
      const fitsFresh = Math.floor((freshRoom - 2 * CELL_PAD) / TYPE.cell.leading);
      if (fits >= left || (fits >= 1 && left > fitsFresh)) {
        from = drawRow(row, false, from, Math.max(1, fits));
      } else {
        flow.newPage();
        startPage(continued);
      }
    }
  }
  flow.gap(12);
}

function layoutBlock(flow: Flow, fonts: Fonts, block: PackBlock) {
  switch (block.kind) {
    case "paragraph":
      flow.lines(flow.wrap(block.text, "regular", TYPE.body), "regular", TYPE.body);
      flow.gap(8);
      return;
    case "subheading": {
      const lines = flow.wrap(block.text, "bold", TYPE.subheading);
      // Kept with at least two lines of what follows it.
      flow.need(lines.length * TYPE.subheading.leading + 4 + 2 * TYPE.body.leading);
      flow.gap(4);
      flow.lines(lines, "bold", TYPE.subheading);
      flow.gap(4);
      return;
    }
    case "code": {
      const label = flow.wrap(block.label, "bold", TYPE.body);
      const code = flow.wrap(block.text, "mono", TYPE.code);
      flow.need(label.length * TYPE.body.leading + code.length * TYPE.code.leading);
      flow.lines(label, "bold", TYPE.body);
      flow.lines(code, "mono", TYPE.code);
      flow.gap(8);
      return;
    }
    case "table":
      layoutTable(flow, fonts, block);
      return;
  }
}

/** Each section from a new page: the pages, and the index of the page each section starts on. */
function layoutSections(fonts: Fonts, sections: readonly PackSection[]) {
  const flow = new Flow(fonts);
  const starts: number[] = [];
  for (const section of sections) {
    flow.newPage();
    starts.push(flow.pages.length - 1);
    flow.lines(flow.wrap(section.title, "bold", TYPE.title), "bold", TYPE.title);
    flow.gap(10);
    for (const block of section.blocks) layoutBlock(flow, fonts, block);
  }
  return { pages: flow.pages, starts };
}

const NUMBER_WIDTH = 40;

/** The contents: each section's title and the page it starts on. The numbers' column is fixed, so the numbers never change how many pages it takes. */
function layoutContents(fonts: Fonts, entries: readonly { title: string; page: number }[]) {
  const flow = new Flow(fonts);
  flow.newPage();
  flow.lines(["Contents"], "bold", TYPE.title);
  flow.gap(10);
  const leading = 17;
  for (const entry of entries) {
    const lines = wrapText(entry.title, fonts.regular, 12, CONTENT_WIDTH - NUMBER_WIDTH);
    flow.need(lines.length * leading + 8);
    flow.gap(4);
    lines.forEach((line, i) => {
      flow.page.push({ kind: "text", x: MARGIN.left, y: flow.y - 12, text: line, font: "regular", size: 12 });
      if (i === lines.length - 1) {
        const number = String(entry.page);
        flow.page.push({ kind: "text", x: MARGIN.left + CONTENT_WIDTH - textWidth(number, fonts.regular, 12), y: flow.y - 12, text: number, font: "regular", size: 12 });
      }
      flow.y -= leading;
    });
    flow.gap(4);
    flow.page.push({ kind: "rule", x1: MARGIN.left, x2: MARGIN.left + CONTENT_WIDTH, y: flow.y });
  }
  return flow.pages;
}

function layoutCover(fonts: Fonts, content: PackContent): LaidPage {
  const flow = new Flow(fonts);
  flow.newPage();
  flow.gap(140);
  flow.lines(flow.wrap(content.partnership.name, "bold", { size: 16, leading: 21 }), "bold", { size: 16, leading: 21 });
  flow.gap(12);
  flow.lines(["Scrutiny pack"], "bold", { size: 32, leading: 40 });
  flow.gap(12);
  flow.lines(flow.wrap(periodWords(content.period), "regular", { size: 16, leading: 21 }), "regular", { size: 16, leading: 21 });
  if (content.committee) {
    flow.gap(24);
    flow.lines(flow.wrap(`For the ${content.committee}`, "regular", { size: 13, leading: 18 }), "regular", { size: 13, leading: 18 });
  }
  flow.gap(24);
  flow.lines(flow.wrap(`Generated on ${formatDateTime(content.generatedAt)} from the partnership's record.`, "regular", TYPE.body), "regular", TYPE.body, MARGIN.left, "grey");
  return flow.page;
}

/** The whole pack laid out: cover, contents, sections; and the page number (from 1) each section starts on. */
export function layoutPack(fonts: Fonts, content: PackContent) {
  const cover = layoutCover(fonts, content);
  const body = layoutSections(fonts, content.sections);
  // First with stand-in numbers to learn how many pages the contents takes, then with the real ones.
  const draft = layoutContents(
    fonts,
    content.sections.map((s) => ({ title: s.title, page: 0 })),
  );
  const firstBodyPage = 1 + draft.length + 1;
  const startPages = body.starts.map((i) => firstBodyPage + i);
  const contents = layoutContents(
    fonts,
    content.sections.map((s, i) => ({ title: s.title, page: startPages[i] })),
  );
  if (contents.length !== draft.length) throw new Error("The contents changed length between passes");
  return { pages: [cover, ...contents, ...body.pages], startPages };
}

// ------------------------------------------------------------------ drawing

/** WinAnsi's codes for the characters it places in 0x80–0x9F (the rest are their Latin-1 code points). */
const WIN_ANSI_CODES = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89],
  [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** pdfSafe text as a PDF hex string in WinAnsi, as pdf-lib's standard fonts encode it. */
export function winAnsiHex(text: string): string {
  let hex = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    hex += (WIN_ANSI_CODES.get(cp) ?? cp).toString(16).toUpperCase().padStart(2, "0");
  }
  return `<${hex}>`;
}

const FONT_NAMES: Record<FontKey, string> = { regular: "F1", bold: "F2", mono: "F3" };
const n = (x: number) => (Math.round(x * 100) / 100).toString();
const colour = (c: RGB, op: "rg" | "RG") => `${n(c.red)} ${n(c.green)} ${n(c.blue)} ${op}`;

/**
 * A page's operations as its content stream, written directly: pdf-lib's
 * drawText builds objects for every operator, which made a year of the
 * busiest partnership (thousands of rows) take seconds.
 */
function contentStream(ops: readonly Op[], footer: { name: string; number: string; numberWidth: number }) {
  const out: string[] = [];
  const text = (x: number, y: number, s: string, font: FontKey, size: number, c: RGB) => out.push(`BT /${FONT_NAMES[font]} ${n(size)} Tf ${colour(c, "rg")} ${n(x)} ${n(y)} Td ${winAnsiHex(s)} Tj ET`);
  const rule = (x1: number, x2: number, y: number) => out.push(`${colour(RULE, "RG")} 0.5 w ${n(x1)} ${n(y)} m ${n(x2)} ${n(y)} l S`);
  for (const op of ops) {
    if (op.kind === "text") text(op.x, op.y, op.text, op.font, op.size, op.colour === "grey" ? GREY : BLACK);
    else if (op.kind === "rect") out.push(`${colour(HEADER_FILL, "rg")} ${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re f`);
    else rule(op.x1, op.x2, op.y);
  }
  rule(MARGIN.left, A4[0] - MARGIN.right, FOOTER_Y + 14);
  text(MARGIN.left, FOOTER_Y, footer.name, "regular", 9, GREY);
  text(A4[0] - MARGIN.right - footer.numberWidth, FOOTER_Y, footer.number, "regular", 9, GREY);
  return out.join("\n");
}

/** How many pages are written between progress reports. */
const PROGRESS_EVERY = 20;

/** The scrutiny pack as a PDF: A4, cover, contents with the page each section starts on, the sections, "Page N of M" and the partnership's name on every page. */
export async function renderPackPdf(content: PackContent, onProgress?: PackProgressListener): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  await onProgress?.({ stage: "laying_out", done: 0, total: 0 });
  const { pages } = layoutPack(fonts, content);
  const [name] = wrapText(content.partnership.name, fonts.regular, 9, CONTENT_WIDTH / 2);
  for (const [i, ops] of pages.entries()) {
    // Told every few pages (and at the last), which also lets the worker's other work run between them.
    if (onProgress && (i % PROGRESS_EVERY === 0 || i === pages.length - 1)) await onProgress({ stage: "laying_out", done: i + 1, total: pages.length });
    const page = doc.addPage(A4);
    for (const key of Object.keys(fonts) as FontKey[]) page.node.setFontDictionary(PDFName.of(FONT_NAMES[key]), fonts[key].ref);
    const number = `Page ${i + 1} of ${pages.length}`;
    const stream = contentStream(ops, { name: name ?? "", number, numberWidth: textWidth(number, fonts.regular, 9) });
    page.node.addContentStream(doc.context.register(doc.context.stream(deflateSync(Buffer.from(stream, "latin1")), { Filter: "FlateDecode" })));
  }
  const generated = new Date(content.generatedAt);
  doc.setTitle(`Scrutiny pack: ${content.partnership.name}, ${periodWords(content.period)}`, { showInWindowTitleBar: true });
  doc.setSubject(`Scrutiny pack for ${content.committee ?? "scrutiny"}: ${content.sections.map((s) => s.title).join(", ")}`);
  doc.setAuthor(content.partnership.name);
  doc.setKeywords(["scrutiny", content.partnership.shortName, content.period.from, content.period.to]);
  doc.setCreator("Partnership governance");
  doc.setProducer("Partnership governance (pdf-lib)");
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);
  doc.setLanguage("en-GB");
  // A copy on its own ArrayBuffer, which a Response body takes as it is.
  return new Uint8Array(await doc.save());
}
