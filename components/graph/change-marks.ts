// A comparison of two dates drawn on a live graph (lib/graph/changes.ts): elements that began
// between the dates marked new, those over by the second marked gone, the rest faded as
// continuing. Classes only, so the marks follow the elements through masks and layouts.
import type { Core } from 'cytoscape';

const CHANGE_CLASSES = ['change-new', 'change-gone', 'change-same'] as const;

export interface ChangeMarks {
  /** Element ids (`tie:…`, `actor:…`) begun between the two dates. */
  added: ReadonlySet<string>;
  /** Element ids over by the second date; an element in both is drawn gone (it is not there at the end). */
  ended: ReadonlySet<string>;
}

/** Marks every element; null clears the marks. */
export function markChanges(cy: Core, marks: ChangeMarks | null): void {
  cy.batch(() => {
    const marked = cy.elements(CHANGE_CLASSES.map((c) => `.${c}`).join(', '));
    if (marked.nonempty()) marked.removeClass(CHANGE_CLASSES.join(' '));
    if (!marks) return;
    const changed = (id: string) => marks.ended.has(id) || marks.added.has(id);
    cy.edges().forEach((edge) => {
      const id = edge.id();
      edge.addClass(marks.ended.has(id) ? 'change-gone' : marks.added.has(id) ? 'change-new' : 'change-same');
    });
    // An actor that merely continues stays clear while one of its ties changed: its name is part of the change.
    cy.nodes().forEach((node) => {
      const id = node.id();
      if (marks.ended.has(id)) node.addClass('change-gone');
      else if (marks.added.has(id)) node.addClass('change-new');
      else if (!node.connectedEdges().toArray().some((edge) => changed(edge.id()))) node.addClass('change-same');
    });
  });
}
