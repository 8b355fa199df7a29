import { render } from 'preact';
import '../../core/ui/page.css';
import '../../core/ui/strings.ts';
import { mountPage } from '../../core/ui/mount.ts';
import { Welcome } from '../../core/ui/welcome.tsx';

mountPage(() => render(<Welcome />, document.getElementById('app') as HTMLElement));
