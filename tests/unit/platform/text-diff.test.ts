import { describe, expect, it } from "vitest";
import { diffWords, sideBySide, type DiffPart } from "../../../app/platform/text/text-diff";

const join = (parts: readonly DiffPart[]) => parts.map((p) => p.text).join("");

/** Both sides of the comparison must give back exactly the text they came from. */
function expectRoundTrip(before: string, after: string) {
  const parts = diffWords(before, after);
  const sides = sideBySide(parts);
  expect(join(sides.before), JSON.stringify({ before, after })).toBe(before);
  expect(join(sides.after), JSON.stringify({ before, after })).toBe(after);
  expect(sides.changed).toBe(before !== after);
  // No empty parts, and no two neighbouring parts of the same kind.
  for (const [i, p] of parts.entries()) {
    expect(p.text).not.toBe("");
    if (i > 0) expect(p.kind).not.toBe(parts[i - 1].kind);
  }
  return parts;
}

describe("diffWords", () => {
  it("shows identical texts as one unchanged part", () => {
    expect(diffWords("The board meets quarterly.", "The board meets quarterly.")).toEqual([{ kind: "same", text: "The board meets quarterly." }]);
  });

  it("gives no parts for two empty texts", () => {
    expect(diffWords("", "")).toEqual([]);
  });

  it("shows text added to an empty section as one addition, and text cleared as one removal", () => {
    expect(diffWords("", "New purpose.")).toEqual([{ kind: "added", text: "New purpose." }]);
    expect(diffWords("Old purpose.", "")).toEqual([{ kind: "removed", text: "Old purpose." }]);
  });

  it("finds a word added in the middle", () => {
    expect(diffWords("The board meets quarterly.", "The board normally meets quarterly.")).toEqual([
      { kind: "same", text: "The board " },
      { kind: "added", text: "normally " },
      { kind: "same", text: "meets quarterly." },
    ]);
  });

  it("finds words removed", () => {
    expect(diffWords("Three voting members from two partners.", "Three members from two partners.")).toEqual([
      { kind: "same", text: "Three " },
      { kind: "removed", text: "voting " },
      { kind: "same", text: "members from two partners." },
    ]);
  });

  it("treats punctuation as part of the word it is attached to", () => {
    expect(diffWords("Three members.", "Three members from two partners.")).toEqual([
      { kind: "same", text: "Three " },
      { kind: "removed", text: "members." },
      { kind: "added", text: "members from two partners." },
    ]);
  });

  it("shows a changed word as a removal followed by an addition", () => {
    expect(diffWords("Meets every month.", "Meets every quarter.")).toEqual([
      { kind: "same", text: "Meets every " },
      { kind: "removed", text: "month." },
      { kind: "added", text: "quarter." },
    ]);
  });

  it("matches a word at the end of a paragraph with the same word followed by more text", () => {
    expect(expectRoundTrip("The chair is elected.", "The chair is elected. The vice-chair is appointed.")).toEqual([
      { kind: "same", text: "The chair is elected." },
      { kind: "added", text: " The vice-chair is appointed." },
    ]);
  });

  it("preserves line breaks and runs of spaces on both sides", () => {
    const before = "Purpose:\n\n  To improve   outcomes.\n";
    const after = "Purpose:\n\n  To greatly improve   outcomes.\n";
    expect(expectRoundTrip(before, after)).toEqual([
      { kind: "same", text: "Purpose:\n\n  To " },
      { kind: "added", text: "greatly " },
      { kind: "same", text: "improve   outcomes.\n" },
    ]);
  });

  it("keeps each side's own whitespace when only the spacing between the same words changed", () => {
    const parts = expectRoundTrip("Quorum:  three members.", "Quorum: three members.");
    expect(parts).toEqual([
      { kind: "same", text: "Quorum:" },
      { kind: "removed", text: "  " },
      { kind: "added", text: " " },
      { kind: "same", text: "three members." },
    ]);
  });

  it("keeps each side's own line breaks when a paragraph break is added", () => {
    const parts = expectRoundTrip("One. Two.", "One.\n\nTwo.");
    expect(parts.filter((p) => p.kind !== "same").map((p) => p.text)).toEqual([" ", "\n\n"]);
    expect(parts.filter((p) => p.kind === "same").map((p) => p.text).join("")).toBe("One.Two.");
  });

  it("keeps leading and trailing whitespace", () => {
    expectRoundTrip("  indented text", "indented text");
    expectRoundTrip("indented text", "  indented text");
    expectRoundTrip("   a", " a");
    expectRoundTrip("text\n", "text");
    expectRoundTrip("text", "text\n\n");
    expectRoundTrip("   ", "");
    expectRoundTrip("", " \n ");
  });

  it("gives back both texts exactly for a range of edits", () => {
    const pairs: [string, string][] = [
      ["a b c", "a c"],
      ["a b c", "c b a"],
      ["a a a", "a"],
      ["a", "a a a"],
      ["x y z", "p q r"],
      ["same words, different\tspacing", "same   words,\ndifferent spacing"],
      ["The board meets quarterly.\n\nMinutes are published.", "The board meets monthly.\nMinutes are not published.\n"],
      ["Members: council, trust, charity.", "Members: council, charity, university."],
    ];
    for (const [before, after] of pairs) {
      expectRoundTrip(before, after);
      expectRoundTrip(after, before);
    }
  });

  it("gives back both texts exactly for many generated edits", () => {
    // A small deterministic generator: words and whitespace drawn from short lists.
    let state = 42;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const words = ["the", "board", "chair", "meets", "quarterly.", "members", "", "a"];
    const spaces = [" ", "  ", "\n", "\n\n", "\t", ""];
    const text = () => {
      let s = next(3) === 0 ? spaces[next(spaces.length)] : "";
      for (let i = next(8); i > 0; i--) s += words[next(words.length)] + spaces[next(spaces.length)];
      return s;
    };
    for (let i = 0; i < 300; i++) expectRoundTrip(text(), text());
  });

  it("shows very long texts that differ as one replacement rather than comparing word by word", () => {
    // 2,001 × 2,002 words is over the 4,000,000-cell limit.
    const before = Array.from({ length: 2001 }, (_, i) => `w${i}`).join(" ");
    const after = `${before} extra`;
    expect(diffWords(before, after)).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });

  it("still compares word by word just under the size limit", () => {
    // 1,999 × 2,000 words is just under the limit.
    const before = Array.from({ length: 1999 }, (_, i) => `w${i}`).join(" ");
    const after = `${before} extra`;
    expect(expectRoundTrip(before, after)).toEqual([
      { kind: "same", text: before },
      { kind: "added", text: " extra" },
    ]);
  });
});

describe("sideBySide", () => {
  it("shows the earlier version without additions and the later without removals", () => {
    const parts = diffWords("Meets every month.", "Meets every quarter.");
    expect(sideBySide(parts)).toEqual({
      before: [
        { kind: "same", text: "Meets every " },
        { kind: "removed", text: "month." },
      ],
      after: [
        { kind: "same", text: "Meets every " },
        { kind: "added", text: "quarter." },
      ],
      changed: true,
    });
  });

  it("says nothing changed for identical texts, and for two empty texts", () => {
    expect(sideBySide(diffWords("Same.", "Same."))).toEqual({
      before: [{ kind: "same", text: "Same." }],
      after: [{ kind: "same", text: "Same." }],
      changed: false,
    });
    expect(sideBySide(diffWords("", ""))).toEqual({ before: [], after: [], changed: false });
  });

  it("says something changed when only an addition or only a removal was made", () => {
    expect(sideBySide([{ kind: "added", text: "x" }]).changed).toBe(true);
    expect(sideBySide([{ kind: "removed", text: "x" }]).changed).toBe(true);
  });
});
