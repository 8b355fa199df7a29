/**
 * From occurrences to badges: which printed codes are the same subject. A row that gives a
 * company's USCC and, beside it, its old 注册号 or its 组织机构代码 (the USCC's positions 9–17)
 * names one subject: it gets one badge, at the USCC, and one lookup.
 */

import type { Occurrence } from '../scan/detect.ts';
import type { PageSubject } from './model.ts';
import { codeSubject, invalidUsccSubject, nameSubject } from './subjects.ts';

/**
 * One badge to place: where, and for which subject.
 */
export interface Placement {
  occurrence: Occurrence;
  subject: PageSubject;
}

/**
 * The occurrences that get a badge, each with its subject; aliases are dropped.
 */
export function toPlacements(occurrences: readonly Occurrence[]): Placement[] {
  const aliases = new Set<Occurrence>();
  const byRow = new Map<Element, Occurrence[]>();
  for (const o of occurrences) {
    if (!o.row || o.consortium) continue;
    const list = byRow.get(o.row) ?? [];
    list.push(o);
    byRow.set(o.row, list);
  }
  for (const list of byRow.values()) {
    const usccs = list.filter((o) => o.kind === 'uscc' && o.valid);
    const [uscc] = usccs;
    if (!uscc || usccs.length !== 1) continue;
    for (const o of list) if (o.kind === 'org_code' || o.kind === 'reg_no') aliases.add(o);
  }
  // Outside rows: an org code printed in the same text as the USCC it is part of.
  const usccsByNode = new Map<Text, string[]>();
  for (const o of occurrences) {
    if (o.kind === 'uscc' && o.valid) usccsByNode.set(o.node, [...(usccsByNode.get(o.node) ?? []), o.value]);
  }
  for (const o of occurrences) {
    if (o.kind !== 'org_code' || aliases.has(o)) continue;
    if (usccsByNode.get(o.node)?.some((uscc) => uscc.slice(8, 17) === o.value)) aliases.add(o);
  }
  // A name whose code the same table prints (a key–value record: 中标人名称 | 统一社会信用代码) is
  // that code's subject: looked up once, by the code.
  const codedNames = new Map<Element, Set<string>>();
  // Only names can be aliases here: a list of codes alone skips the tables' names.
  const anyName = occurrences.some((o) => o.kind === 'name');
  for (const o of anyName ? occurrences : []) {
    const table = o.kind !== 'name' && o.valid && o.name ? tableOf(o) : null;
    if (!table || !o.name) continue;
    const names = codedNames.get(table) ?? new Set();
    names.add(nameSubject(o.name).key);
    codedNames.set(table, names);
  }
  if (codedNames.size > 0) {
    for (const o of occurrences) {
      if (o.kind !== 'name') continue;
      const table = tableOf(o);
      if (table && codedNames.get(table)?.has(nameSubject(o.value).key)) aliases.add(o);
    }
  }
  const out: Placement[] = [];
  for (const o of occurrences) {
    if (aliases.has(o)) continue;
    const subject = subjectOf(o);
    if (subject) out.push({ occurrence: o, subject });
  }
  return out;
}

function tableOf(o: Occurrence): Element | null {
  return (o.field ?? o.node.parentElement)?.closest('table') ?? null;
}

function subjectOf(o: Occurrence): PageSubject | null {
  const extra = { name: o.name, role: o.role, consortium: o.consortium, rowNo: o.rowNo };
  if (o.kind === 'name') return nameSubject(o.value, extra);
  if (!o.valid) return invalidUsccSubject(o.value, extra);
  return codeSubject(o.kind, o.value, extra);
}
