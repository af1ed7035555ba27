import { PDFDocument, PDFName, StandardFonts, type PDFFont } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfSafe, renderPackPdf, textWidth, winAnsiHex, wrapText } from "../../../app/areas/scrutiny/pack-pdf.server";
import { callInStanding, packFilename, packSection, type PackContent, type PackProgress, type PackSection } from "../../../app/areas/scrutiny/rules/pack";
import type { CallInRule } from "../../../app/areas/register/public";

let font: PDFFont;
let bold: PDFFont;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  font = await doc.embedFont(StandardFonts.Helvetica);
  bold = await doc.embedFont(StandardFonts.HelveticaBold);
});

/** Each page's text with its line breaks as spaces. */
async function pagesOf(pdf: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, " "));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The page number the contents prints for each title: the contents are the pages after the cover up to the first section. */
function contentsNumbers(pages: string[], titles: string[]) {
  const contents: string[] = [];
  for (let i = 1; i < pages.length && !pages[i].startsWith(titles[0]); i++) contents.push(pages[i]);
  const text = contents.join(" ");
  return {
    contentsPages: contents.length,
    numbers: titles.map((t) => {
      const m = text.match(new RegExp(`${escape(t)} (\\d+)`));
      if (!m) throw new Error(`The contents do not list "${t}"`);
      return Number(m[1]);
    }),
  };
}

describe("pdfSafe", () => {
  it("keeps what WinAnsi encodes, curly quotes, dashes, the euro and accented Latin-1 letters among it", () => {
    const kept = "Children’s “home” – 5 — £10 €20 café naïve Zoë × ½ • …";
    expect(pdfSafe(kept)).toBe(kept);
  });

  it("replaces what it does not by the nearest it can draw", () => {
    expect(pdfSafe("score ≥ 15 → escalate; ≤ 4 ≠ 5 − 1")).toBe("score >= 15 -> escalate; <= 4 != 5 - 1");
    expect(pdfSafe("a\u00a0b\u2009c\u200bd\u00ade")).toBe("a b cde");
    expect(pdfSafe("Gŵyl Ddewi, Łódź, Dvořák, Ōtautahi")).toBe("Gwyl Ddewi, Lódz, Dvorák, Otautahi");
    expect(pdfSafe("line\none\ttab")).toBe("line one tab");
    expect(pdfSafe("ok ✓ 🎉 中文")).toBe("ok Yes ? ??");
  });

  it("makes every character of the Basic Multilingual Plane, and beyond, drawable", async () => {
    let all = "";
    for (let cp = 0; cp <= 0xffff; cp++) all += String.fromCharCode(cp);
    all += "🎉👩‍👩‍👧𝔘𐍈";
    const safe = pdfSafe(all);
    expect(Number.isFinite(font.widthOfTextAtSize(safe, 10))).toBe(true);
    expect(Number.isFinite(bold.widthOfTextAtSize(safe, 10))).toBe(true);
    const doc = await PDFDocument.create();
    const courier = await doc.embedFont(StandardFonts.Courier);
    expect(() => courier.widthOfTextAtSize(safe, 9)).not.toThrow();
    const page = doc.addPage();
    const f = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < safe.length; i += 200) page.drawText(safe.slice(i, i + 200), { x: 10, y: 10, font: f, size: 4 });
    expect((await doc.save()).byteLength).toBeGreaterThan(0);
  });
});

describe("the text as drawn", () => {
  it("encodes every character pdfSafe keeps as pdf-lib's standard fonts do, and measures it as drawn, without kerning", () => {
    let all = "";
    for (let cp = 0x20; cp <= 0x2122; cp++) all += String.fromCharCode(cp);
    const kept = [...new Set(pdfSafe(all))];
    expect(kept.length).toBeGreaterThan(200);
    for (const ch of kept) expect(winAnsiHex(ch), ch).toBe(font.encodeText(ch).toString());
    expect(textWidth("AV", font, 10)).toBeCloseTo(textWidth("A", font, 10) + textWidth("V", font, 10));
    expect(textWidth("Hello", font, 12)).toBeCloseTo([..."Hello"].reduce((sum, ch) => sum + font.widthOfTextAtSize(ch, 12), 0));
  });
});

describe("wrapText", () => {
  it("breaks at spaces into lines no wider than asked, keeping every word in order", () => {
    const text = "The board agreed to commission twelve further placements inside the sub-region, subject to the call-in period ending without a call-in.";
    const lines = wrapText(text, font, 10, 150);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(textWidth(line, font, 10)).toBeLessThanOrEqual(150);
    expect(lines.join(" ")).toBe(text);
  });

  it("keeps the text's own line breaks, and breaks a word wider than the line where it reaches the edge", () => {
    const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const lines = wrapText(`Head hash\n${hash}`, font, 10, 120);
    expect(lines[0]).toBe("Head hash");
    expect(lines.slice(1).join("")).toBe(hash);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, font, 10)).toBeLessThanOrEqual(120);
  });

  it("breaks a reference too wide for its cell after a hyphen", () => {
    const lines = wrapText("NELCP-2026-006", bold, 9, 50);
    expect(lines.join("")).toBe("NELCP-2026-006");
    expect(lines[0].endsWith("-")).toBe(true);
  });

  it("makes the text safe as it wraps", () => {
    expect(wrapText("≥ 15 → red", font, 10, 500)).toEqual([">= 15 -> red"]);
  });
});

describe("callInStanding and the file name", () => {
  const rule: CallInRule = { appliesTo: "key_decisions", windowWorkingDays: 5, signatories: 2, chairAlone: true, groundsRequired: true, considerWithinWorkingDays: 15, reconsiderWithinWorkingDays: 10 };
  const key = { status: "agreed", decidedOn: "2026-03-02", keyDecision: true, urgentReason: null };
  it("says where a decision stands under call-in, as the decision's page does", () => {
    expect(callInStanding(key, null, rule, "2026-03-03")).toBe("In its call-in period until 9 March 2026");
    expect(callInStanding(key, null, rule, "2026-04-01")).toBe("Not called in; may be implemented from 10 March 2026");
    expect(callInStanding({ ...key, keyDecision: false }, null, rule, "2026-04-01")).toBe("Not subject to call-in: only key decisions may be called in, and this is not one");
    expect(callInStanding({ ...key, status: "rejected" }, null, rule, "2026-04-01")).toBe("Not subject to call-in: not agreed");
    expect(callInStanding(key, null, null, "2026-04-01")).toBe("Not subject to call-in");
    // Ten working days from 20 March 2026, Good Friday and Easter Monday left out.
    expect(callInStanding(key, { status: "referred_back", record: { calledInOn: "2026-03-04", outcome: "referred_back", outcomeOn: "2026-03-20" } }, rule, "2026-04-20")).toBe(
      "Referred back to the board, waiting for it to reconsider (to be reconsidered by 7 April 2026, which has passed)",
    );
    expect(callInStanding(key, { status: "gathering", record: null }, rule, "2026-03-03")).toBe("Signatures being gathered");
  });

  it("names the file by the partnership's short name and the period", () => {
    expect(packFilename("CIP", { from: "2025-12-01", to: "2026-11-30" })).toBe("cip-scrutiny-pack-2025-12-01-to-2026-11-30.pdf");
    expect(packFilename("Newport–Barnardo's", { from: "2025-12-01", to: "2026-11-30" })).toBe("newport-barnardos-scrutiny-pack-2025-12-01-to-2026-11-30.pdf");
  });
});

describe("renderPackPdf", () => {
  const content = (sections: PackSection[]): PackContent => ({
    partnership: { name: "Test Children's Partnership", shortName: "TCP", slug: "tcp" },
    committee: "Children and Families Overview and Scrutiny Committee",
    period: { from: "2025-12-01", to: "2026-11-30" },
    generatedAt: "2026-12-01T09:30:00.000Z",
    sections,
  });

  it("prints in the contents the page each section really starts on, when the contents spans pages and tables run over many", async () => {
    // Sixty sections make the contents run to two pages; every seventh has a table of 120 rows, some of them wrapping.
    const sections = Array.from({ length: 60 }, (_, i) =>
      packSection(`Section ${String(i + 1).padStart(2, "0")}: ${i % 5 === 0 ? "a title long enough that it has to wrap onto a second line of the contents page" : "figures"}`, [
        { kind: "paragraph", text: "What the figures show, and where they come from. ".repeat(i % 3 === 0 ? 40 : 2) },
        {
          kind: "table",
          caption: `Table ${i + 1}`,
          columns: [
            { header: "Reference", width: 1 },
            { header: "What", width: 3 },
            { header: "Count", width: 1, numeric: true },
          ],
          rows: Array.from({ length: i % 7 === 0 ? 120 : 4 }, (_, r) => [`REF-${i}-${r}`, r % 9 === 0 ? "A description that goes on for a while so that its cell wraps over several lines in the table. ".repeat(3) : "Short", String(r)]),
          rowHeaders: true,
          empty: "None.",
        },
      ]),
    );
    const pdf = await renderPackPdf(content(sections));
    const pages = await pagesOf(pdf);
    expect(pages[0]).toContain("Scrutiny pack");
    expect(pages[0]).toContain("1 December 2025 to 30 November 2026");
    expect(pages[0]).toContain("For the Children and Families Overview and Scrutiny Committee");
    const titles = sections.map((s) => s.title);
    const { contentsPages, numbers } = contentsNumbers(pages, titles);
    expect(contentsPages).toBeGreaterThan(1);
    expect(pages[1]).toMatch(/^Contents /);
    numbers.forEach((n, i) => {
      // The page printed is the first on which the section's title appears (after the contents).
      const first = pages.findIndex((p, at) => at > contentsPages && p.includes(titles[i])) + 1;
      expect(n, titles[i]).toBe(first);
      expect(pages[n - 1].startsWith(titles[i]), titles[i]).toBe(true);
    });
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Every page is numbered "Page N of M" with the partnership's name.
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain("Test Children's Partnership");
    });
    // A long table's header is repeated on each page it runs onto, under its caption marked continued.
    const continued = pages.filter((p) => p.includes("Table 1 (continued)"));
    expect(continued.length).toBeGreaterThan(1);
    for (const p of continued) expect(p).toContain("Reference What Count");
    // Every row is there, once.
    const all = pages.join(" ");
    for (let r = 0; r < 120; r++) expect(all.match(new RegExp(`REF-0-${r} `, "g"))?.length, `REF-0-${r}`).toBe(1);
  });

  it("tells its progress page by page, in order, up to the last page, and makes the same document as without it", async () => {
    const sections = Array.from({ length: 3 }, (_, i) =>
      packSection(`Section ${i + 1}`, [
        {
          kind: "table",
          caption: `Table ${i + 1}`,
          columns: [
            { header: "Reference", width: 1 },
            { header: "Count", width: 1, numeric: true },
          ],
          rows: Array.from({ length: 400 }, (_, r) => [`REF-${i}-${r}`, String(r)]),
          empty: "None.",
        },
      ]),
    );
    const told: PackProgress[] = [];
    const withProgress = await renderPackPdf(content(sections), (p) => void told.push(p));
    const pages = await pagesOf(withProgress);
    expect(told[0]).toEqual({ stage: "laying_out", done: 0, total: 0 });
    const counted = told.slice(1);
    expect(counted.length).toBeGreaterThan(1);
    for (const p of counted) expect(p).toMatchObject({ stage: "laying_out", total: pages.length });
    expect(counted.map((p) => p.done)).toEqual([...counted.map((p) => p.done)].sort((a, b) => a - b));
    expect(counted[counted.length - 1].done).toBe(pages.length);
    expect(Buffer.from(withProgress).equals(Buffer.from(await renderPackPdf(content(sections))))).toBe(true);
  });

  it("never throws on text the fonts cannot encode, and sets the document's title and language", async () => {
    const pdf = await renderPackPdf(
      content([
        packSection("Risks ≥ 15 → board", [
          { kind: "paragraph", text: "Emoji 🎉, Welsh ŵ, Chinese 中文, a\u0000control and ≤ ≠." },
          { kind: "table", caption: "→ Table", columns: [{ header: "≥", width: 1 }], rows: [["✓ 🎉"]], empty: "" },
          { kind: "code", label: "Hash", text: "ab".repeat(80) },
        ]),
      ]),
    );
    const pages = await pagesOf(pdf);
    expect(pages.join(" ")).toContain("Risks >= 15 -> board");
    expect(pages.join(" ")).toContain("Emoji ?, Welsh w, Chinese ??, a control and <= !=.");
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe("Scrutiny pack: Test Children's Partnership, 1 December 2025 to 30 November 2026");
    expect(doc.getProducer()).toContain("Partnership governance");
    expect(doc.catalog.get(PDFName.of("Lang"))?.toString()).toContain("en-GB");
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });
});
