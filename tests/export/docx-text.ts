import { strFromU8, unzipSync } from "fflate";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its five predefined entities (and numeric ones) decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/giu, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** A part of a .docx/.xlsx package as text ("word/document.xml"). */
export function zipPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name];
  if (!part) throw new Error(`${name} not in the package`);
  return strFromU8(part);
}

/** The text of each paragraph in an XML fragment, runs joined. */
function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/gu) ?? []).map((p) =>
    decodeXml(
      (p.match(/<w:t(?: [^>]*)?>[\s\S]*?<\/w:t>/gu) ?? [])
        .map((t) => t.replace(/<[^>]+>/gu, ""))
        .join(""),
    ),
  );
}

/** A Word table row: its raw XML and its cells' text (paragraphs joined with "\n"). */
export interface DocxRow {
  xml: string;
  cells: string[];
}

/** The rows of every table in word/document.xml, in order. */
export function docxRows(documentXml: string): DocxRow[] {
  return (documentXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/gu) ?? []).map((xml) => ({
    xml,
    cells: (xml.match(/<w:tc>[\s\S]*?<\/w:tc>/gu) ?? []).map((c) => paragraphs(c).join("\n")),
  }));
}
