import { render } from 'preact';
import '../../core/ui/page.css';
import '../../core/ui/strings.ts';
import { mountPage } from '../../core/ui/mount.ts';
import { SidePanel } from '../../core/ui/sidepanel.tsx';

mountPage(() => render(<SidePanel />, document.getElementById('app') as HTMLElement));
