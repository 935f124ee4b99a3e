/**
 * Wraps tables in a focusable, labelled scroll container so wide tables scroll
 * on phones instead of breaking the layout (keyboard users can scroll them too).
 */
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

export function rehypeTables() {
  return function transformer(tree: Root) {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: '表格（可横向滚动）' },
        children: [node],
      };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
