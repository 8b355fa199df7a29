import { render } from 'preact';
import '../../core/ui/page.css';
import { EvidencePage } from '../../core/screening/evidence-page.tsx';
import { mountPage } from '../../core/ui/mount.ts';

mountPage(() => render(<EvidencePage />, document.getElementById('app') as HTMLElement));
