import { render } from 'preact';
import '../../ui/page.css';
import { EvidencePage } from '../../ui/evidence-page.tsx';
import { mountPage } from '../../ui/mount.ts';

mountPage(() => render(<EvidencePage />, document.getElementById('app') as HTMLElement));
