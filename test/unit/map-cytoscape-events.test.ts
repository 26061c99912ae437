// The map's event wiring (components/graph/use-cytoscape-events.ts) against a headless Cytoscape
// with no container, the way Kibana's service map tests its handlers: emit the event on an
// element, then assert the callback or the class; then check that the cleanup removes it all.
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { bindCytoscapeEvents, type CytoscapeEventHandlers } from '../../components/graph/use-cytoscape-events';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { miniNetwork } from './fixtures/mini-network';

const view = buildView(miniNetwork, { showEnded: true, hops: 1 }, '2023-01-01');

function instance(): Core {
  const { nodes, edges } = toCytoscapeElements(view);
  return cytoscape({ headless: true, elements: [...nodes, ...edges] });
}

function spies() {
  return { onTapNode: vi.fn(), onTapEdge: vi.fn(), onTapBackground: vi.fn() } satisfies CytoscapeEventHandlers;
}

/** A stand-in for the canvas's element: something with listeners and a style.cursor. */
function fakeContainer() {
  return Object.assign(new EventTarget(), { style: { cursor: '' } });
}

const lit = (cy: Core) => cy.$('.highlighted').map((e) => e.id()).sort();
const faded = (cy: Core) => cy.$('.hover-faded').length;

describe('bindCytoscapeEvents', () => {
  it('a tap on a node reports that node, and only that', () => {
    const cy = instance();
    const handlers = spies();
    bindCytoscapeEvents(cy, () => handlers);
    cy.$id('actor:tertel').emit('tap');
    expect(handlers.onTapNode).toHaveBeenCalledTimes(1);
    expect(handlers.onTapNode.mock.calls[0][0].id()).toBe('actor:tertel');
    // The tap bubbles up to the core, but it was not a tap on empty canvas.
    expect(handlers.onTapBackground).not.toHaveBeenCalled();
    expect(handlers.onTapEdge).not.toHaveBeenCalled();
  });

  it('a tap on a tie reports the tie; a tap on the core is a tap on the background', () => {
    const cy = instance();
    const handlers = spies();
    bindCytoscapeEvents(cy, () => handlers);
    cy.$id('tie:tertel-leads-kgb').emit('tap');
    expect(handlers.onTapEdge.mock.calls.map(([edge]) => edge.id())).toEqual(['tie:tertel-leads-kgb']);
    expect(handlers.onTapNode).not.toHaveBeenCalled();
    cy.emit('tap');
    expect(handlers.onTapBackground).toHaveBeenCalledTimes(1);
    expect(handlers.onTapEdge).toHaveBeenCalledTimes(1);
  });

  it('hovering a node lights its neighbourhood and fades the rest; leaving it clears both', () => {
    const cy = instance();
    bindCytoscapeEvents(cy, () => ({}));
    cy.$id('actor:tertel').emit('mouseover');
    expect(lit(cy)).toEqual(cy.$id('actor:tertel').closedNeighborhood().map((e) => e.id()).sort());
    expect(lit(cy)).toEqual(expect.arrayContaining(['actor:tertel', 'actor:kgb', 'tie:tertel-leads-kgb']));
    expect(cy.$id('actor:gryzlov').hasClass('hover-faded')).toBe(true);
    expect(faded(cy)).toBe(cy.elements().length - lit(cy).length);
    cy.$id('actor:tertel').emit('mouseout');
    expect(lit(cy)).toEqual([]);
    expect(faded(cy)).toBe(0);
  });

  it('hovering reports the actor\'s name, kind and place for its tooltip, and leaving or moving the picture ends it', () => {
    const cy = instance();
    const onHover = vi.fn();
    const unbind = bindCytoscapeEvents(cy, () => ({ onHover }));
    cy.$id('actor:tertel').emit('mouseover');
    expect(onHover).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'actor:tertel', label: 'Ivan Tertel', kind: 'person' }));
    const at = onHover.mock.calls[0][0];
    expect(Number.isFinite(at.x) && Number.isFinite(at.y)).toBe(true);
    cy.$id('actor:tertel').emit('mouseout');
    expect(onHover).toHaveBeenLastCalledWith(null);
    cy.$id('actor:kgb').emit('mouseover');
    expect(onHover).toHaveBeenLastCalledWith(expect.objectContaining({ label: 'KGB', kind: 'organization' }));
    cy.emit('viewport');
    expect(onHover).toHaveBeenLastCalledWith(null);
    unbind();
    onHover.mockClear();
    cy.$id('actor:kgb').emit('mouseover');
    expect(onHover).not.toHaveBeenCalled();
  });

  it('hoverHighlight: false leaves the classes alone', () => {
    const cy = instance();
    bindCytoscapeEvents(cy, () => ({ hoverHighlight: false }));
    cy.$id('actor:tertel').emit('mouseover');
    expect(lit(cy)).toEqual([]);
    expect(faded(cy)).toBe(0);
  });

  it('reads the callbacks at each event, so new ones apply without re-binding', () => {
    const cy = instance();
    const first = spies();
    const second = spies();
    let handlers: CytoscapeEventHandlers = first;
    bindCytoscapeEvents(cy, () => handlers);
    cy.$id('actor:kgb').emit('tap');
    handlers = second;
    cy.$id('actor:kgb').emit('tap');
    expect(first.onTapNode).toHaveBeenCalledTimes(1);
    expect(second.onTapNode).toHaveBeenCalledTimes(1);
  });

  it('sets the pointer over elements, and leaving the canvas clears the cursor and the highlight', () => {
    const cy = instance();
    const container = fakeContainer();
    vi.spyOn(cy, 'container').mockReturnValue(container as unknown as HTMLElement);
    bindCytoscapeEvents(cy, () => ({}));
    cy.$id('tie:tertel-leads-kgb').emit('mouseover');
    expect(container.style.cursor).toBe('pointer');
    cy.$id('tie:tertel-leads-kgb').emit('mouseout');
    expect(container.style.cursor).toBe('');
    cy.$id('actor:tertel').emit('mouseover');
    expect(container.style.cursor).toBe('pointer');
    expect(lit(cy).length).toBeGreaterThan(0);
    // Straight off the canvas from a node: no mouseout from Cytoscape, only the element's mouseleave.
    container.dispatchEvent(new Event('mouseleave'));
    expect(container.style.cursor).toBe('');
    expect(lit(cy)).toEqual([]);
    expect(faded(cy)).toBe(0);
  });

  it('the cleanup removes every handler it added, and only those', () => {
    const cy = instance();
    const container = fakeContainer();
    vi.spyOn(cy, 'container').mockReturnValue(container as unknown as HTMLElement);
    const handlers = spies();
    const someoneElse = vi.fn();
    cy.on('tap', 'node', someoneElse);
    const unbind = bindCytoscapeEvents(cy, () => handlers);
    unbind();

    cy.$id('actor:tertel').emit('tap');
    cy.$id('tie:tertel-leads-kgb').emit('tap');
    cy.emit('tap');
    expect(handlers.onTapNode).not.toHaveBeenCalled();
    expect(handlers.onTapEdge).not.toHaveBeenCalled();
    expect(handlers.onTapBackground).not.toHaveBeenCalled();
    expect(someoneElse).toHaveBeenCalledTimes(1);

    cy.$id('actor:tertel').emit('mouseover');
    cy.$id('tie:tertel-leads-kgb').emit('mouseover');
    expect(lit(cy)).toEqual([]);
    expect(faded(cy)).toBe(0);
    expect(container.style.cursor).toBe('');

    // The container listener went too: a leave after cleanup touches nothing.
    cy.$id('actor:tertel').addClass('highlighted');
    container.dispatchEvent(new Event('mouseleave'));
    expect(lit(cy)).toEqual(['actor:tertel']);
  });
});
