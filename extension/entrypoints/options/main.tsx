import { render } from 'preact';
import '../../core/ui/page.css';
import '../../core/ui/strings.ts';
import { mountPage } from '../../core/ui/mount.ts';
import { Options } from '../../core/ui/options.tsx';

mountPage(() => render(<Options />, document.getElementById('app') as HTMLElement));
