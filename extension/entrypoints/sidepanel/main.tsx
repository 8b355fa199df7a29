import { render } from 'preact';
import '../../ui/page.css';
import { mountPage } from '../../ui/mount.ts';
import { SidePanel } from '../../ui/sidepanel.tsx';

mountPage(() => render(<SidePanel />, document.getElementById('app') as HTMLElement));
