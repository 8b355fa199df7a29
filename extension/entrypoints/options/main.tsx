import { render } from 'preact';
import '../../ui/page.css';
import { mountPage } from '../../ui/mount.ts';
import { Options } from '../../ui/options.tsx';

mountPage(() => render(<Options />, document.getElementById('app') as HTMLElement));
