import { render } from 'preact';
import '../../core/ui/page.css';
import { byMode } from '../../core/modes.ts';
import { EvidencePage } from '../../core/screening/evidence-page.tsx';
import type { ModeRecordPage } from '../../core/ui/mode-views.ts';
import { mountPage } from '../../core/ui/mount.ts';

// `?mode=<id>`: a mode's own printable record; otherwise the screening evidence.
const pages = byMode(
  import.meta.glob<ModeRecordPage>('../../modes/*/record-page.tsx', { eager: true, import: 'recordPage' }),
);
const Page = pages.get(new URLSearchParams(location.search).get('mode') ?? '') ?? EvidencePage;
mountPage(() => render(<Page />, document.getElementById('app') as HTMLElement));
