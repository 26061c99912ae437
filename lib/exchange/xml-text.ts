// Text that is safe inside an XML 1.0 document we write. Escaping alone is not enough: XML 1.0
// forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates even as character references,
// so those become U+FFFD (a reader then shows that something was lost instead of refusing the file).

// Characters XML 1.0 does not allow at all, and surrogate halves that are not part of a pair.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const TEXT_SPECIAL = /[&<>\r]/g;
// Tabs and line breaks are character references in attributes: a reader normalises literal ones to spaces.
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function toReference(c: string): string {
  return REFERENCES[c]!;
}

/** A value for an attribute written between double quotes. */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(ATTRIBUTE_SPECIAL, toReference);
}

/** Character data of an element. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(TEXT_SPECIAL, toReference);
}
