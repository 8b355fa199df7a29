import { render } from 'preact';
import '../../core/ui/page.css';
import { mountPage } from '../../core/ui/mount.ts';
import { EvidencePage } from '../../kits/screening/evidence-page.tsx';

mountPage(() => render(<EvidencePage />, document.getElementById('app') as HTMLElement));
