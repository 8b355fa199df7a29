import { render } from 'preact';
import '../../core/ui/page.css';
import '../../core/ui/strings.ts';
import { mountPage } from '../../core/ui/mount.ts';
import { Popup } from '../../core/ui/popup.tsx';

mountPage(() => render(<Popup />, document.getElementById('app') as HTMLElement));
