/**
 * The people a screening page shows beside its companies, in the page (the content script's
 * part): the cells a layout names (`PageLayout.people`) are read, each person gets a marker in a
 * closed shadow root and waits for the officer's consent in the card frame; only then is the
 * person looked up. The full ID numbers live in this module's memory only, keyed `person:<n>`,
 * and are dropped with the page. The background learns masked references (`cs:person-seen`) and
 * the number once, with the recorded consent (`cs:person-lookup`).
 */
import { isValidIdCard } from '@xinjian/sdk/identifiers';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BadgeHost, isOwnUi } from '../badges/host.ts';
import { installTestHook } from '../badges/test-hook.ts';
import { createLogger } from '../log.ts';
import { send } from '../messages.ts';
import type { CardFrame } from '../overlay/card-frame.ts';
import { maskedId, maskedName, normalizeText, redactIds } from '../personal.ts';
import type { PersonLayout } from '../scan/layout.ts';
import type { PersonalConsent } from './consent.ts';
import {
  PERSON_CARD,
  type PersonAction,
  type PersonCardProps,
  type PersonRef,
  type PersonResult,
  personDisplayState,
} from './person.ts';

const log = createLogger('personal');

const ID_TOKEN = /[1-9]\d{16}[\dXx]/;

/** The people of one page: their markers, consents and results. */
export interface PagePeople {
  /** Reads the layout's person cells under `root` (the ones not read yet). */
  scan(root: ParentNode): void;
  setResult(key: string, result: PersonResult): void;
  rerenderAll(): void;
  /** Forgets every person, number and consent (navigation, site disabled). */
  clear(): void;
}

/**
 * The people of a page whose layout names person cells; `purpose` is the mode's (the rule
 * set's domain), `ready` resolves once the background knows the page.
 */
export function pagePeople(options: {
  ctx: ContentScriptContext;
  layouts: readonly PersonLayout[];
  purpose: string;
  frame: CardFrame;
  ready: () => Promise<unknown>;
}): PagePeople {
  let idByKey = new Map<string, string>();
  let keyById = new Map<string, string>();
  let read = new WeakSet<Element>();
  let generation = 0;
  // Consents the card frame recorded with the background, by person: the draft never comes here.
  const granted = new Map<string, PersonalConsent>();

  const host: BadgeHost<PersonRef, PersonResult> = new BadgeHost<PersonRef, PersonResult>(
    {
      mode: PERSON_CARD,
      props: (key, person, result): PersonCardProps => ({
        person,
        result,
        granted: granted.get(key) ?? null,
        purpose: options.purpose,
      }),
      act: (key, action) => {
        const a = action as PersonAction;
        const consent = a.name === 'granted' ? a.consent : granted.get(key);
        if (!consent || (a.name === 'granted' && granted.has(key))) return;
        granted.set(key, consent);
        lookup(key, consent);
      },
      activate: (_key, handle) => {
        if (options.frame.shows(handle, 'card')) options.frame.hide(true);
        else options.frame.show(handle, 'card');
      },
    },
    options.frame,
  );
  // e2e builds: the tests ask for the people's markers with `xinjianTest: 'people'`.
  if (import.meta.env.MODE === 'e2e')
    installTestHook(
      options.ctx,
      () => host,
      (person, result) => ({
        name: person.nameMasked,
        state: personDisplayState(result),
        text: `${person.role} ${person.idMasked}`,
        label: person.idMasked,
      }),
      'people',
    );

  function lookup(key: string, consent: PersonalConsent): void {
    const idNumber = idByKey.get(key);
    const person = host.subjects.get(key);
    if (!idNumber || !person) return;
    const mine = generation;
    host.setResult(key, { state: 'checking' });
    void options
      .ready()
      .then(() => send({ type: 'cs:person-lookup', person, idNumber, consent }))
      .then(
        (result) => {
          if (mine === generation) host.setResult(key, result);
        },
        (e: unknown) => {
          const message = redactIds(e instanceof Error ? e.message : String(e));
          log.warn('lookup failed', message);
          if (mine !== generation) return;
          host.setResult(key, {
            state: 'error',
            code: e instanceof Error ? e.name : 'Error',
            reason: { zh: message, en: message },
            retryable: true,
          });
        },
      );
  }

  function scan(root: ParentNode): void {
    const fresh: PersonRef[] = [];
    for (const l of options.layouts) {
      for (const table of root.querySelectorAll(l.table)) {
        for (const row of table.querySelectorAll(l.rows)) {
          const cell = row.querySelector(l.idCell);
          if (!cell || read.has(cell) || isOwnUi(cell)) continue;
          const at = idIn(cell);
          if (!at) continue;
          read.add(cell);
          let key = keyById.get(at.idNumber);
          if (!key) {
            key = `person:${keyById.size + 1}`;
            keyById.set(at.idNumber, key);
            idByKey.set(key, at.idNumber);
            const name = row.querySelector(l.nameCell)?.textContent?.trim() ?? null;
            const ref: PersonRef = {
              key,
              role: l.role,
              idMasked: maskedId(at.idNumber),
              nameMasked: maskedName(name),
              group: l.group ?? null,
            };
            host.track(key, ref, { state: 'consent' });
            fresh.push(ref);
          }
          host.mount({ node: at.node, index: at.index, length: at.length }, key);
        }
      }
    }
    if (fresh.length === 0) return;
    const mine = generation;
    void options
      .ready()
      .then(() => (mine === generation ? send({ type: 'cs:person-seen', people: fresh }) : null))
      .catch((e: unknown) => log.warn('could not report the people', e));
  }

  return {
    scan,
    setResult: (key, result) => host.setResult(key, result),
    rerenderAll: () => host.rerenderAll(),
    clear: () => {
      generation++;
      host.clear();
      granted.clear();
      idByKey = new Map();
      keyById = new Map();
      read = new WeakSet();
    },
  };
}

// The text node of a cell holding a valid ID number, and where the number is in it.
function idIn(cell: Element): { node: Text; index: number; length: number; idNumber: string } | null {
  const walker = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const m = ID_TOKEN.exec(node.data);
    if (!m) continue;
    const idNumber = normalizeText(m[0]).toUpperCase();
    if (isValidIdCard(idNumber)) return { node, index: m.index, length: m[0].length, idNumber };
  }
  return null;
}
