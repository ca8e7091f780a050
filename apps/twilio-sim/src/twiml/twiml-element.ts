/** One parsed TwiML element, in document order. `text` joins the element's own text nodes. */
export interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  children: TwimlElement[];
  text: string;
}

/** All text inside an element and its descendants: what `<Say>` speaks, SSML tags included. */
export function textContent(element: TwimlElement): string {
  return [element.text, ...element.children.map(textContent)]
    .filter((part) => part.length > 0)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
