import { beforeEach, describe, expect, it } from 'vitest';
import { isLarge, ReadQueue } from './read-queue.ts';

beforeEach(() => {
  document.body.innerHTML = '';
});

function divs(n: number, text = (i: number) => `第 ${i} 行`): HTMLElement {
  const box = document.createElement('div');
  for (let i = 0; i < n; i++) {
    const d = document.createElement('div');
    d.textContent = text(i);
    box.append(d);
  }
  document.body.append(box);
  return box;
}

describe('isLarge', () => {
  it('counts descendant elements up to the limit', () => {
    const box = divs(10);
    expect(isLarge(box, 10)).toBe(false);
    expect(isLarge(box, 9)).toBe(true);
    expect(isLarge(document.body, 10)).toBe(true);
    expect(isLarge(box.firstChild as Node, 1)).toBe(false); // one text child
  });

  it('counts nested elements, not only children', () => {
    const outer = document.createElement('div');
    outer.innerHTML = '<section><ul><li><b>1</b></li><li>2</li></ul></section><p>3</p>';
    document.body.append(outer);
    // section, ul, li, b, li, p
    expect(isLarge(outer, 6)).toBe(false);
    expect(isLarge(outer, 5)).toBe(true);
  });

  it('splits a long run of text nodes too', () => {
    const p = document.createElement('p');
    for (let i = 0; i < 5; i++) p.append(document.createTextNode(`${i}`));
    expect(isLarge(p, 5)).toBe(false);
    expect(isLarge(p, 4)).toBe(true);
    expect(isLarge(document.createTextNode('x'), 0)).toBe(false);
  });
});

describe('ReadQueue', () => {
  it('hands out small roots as they are, in order', () => {
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    document.body.append(a, b);
    const queue = new ReadQueue(10);
    queue.push([a, b]);
    expect([queue.next(), queue.next(), queue.next()]).toEqual([a, b, null]);
  });

  it('replaces a large root by its children in document order, skipping whitespace', () => {
    const box = divs(5);
    box.insertBefore(document.createTextNode('\n  '), box.firstChild);
    box.append(document.createTextNode(' 尾注 '), document.createComment('x'));
    const queue = new ReadQueue(3);
    queue.push([box]);
    const out: Node[] = [];
    for (let n = queue.next(); n; n = queue.next()) out.push(n);
    expect(out).toEqual([...box.children, box.childNodes[6]]);
    expect((out.at(-1) as Text).data).toBe(' 尾注 ');
  });

  it('skips roots removed from the page meanwhile, and forgets everything on clear', () => {
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    document.body.append(a, b);
    const queue = new ReadQueue(10);
    queue.push([a, b]);
    a.remove();
    expect(queue.next()).toBe(b);
    queue.push([b]);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.next()).toBeNull();
  });
});
