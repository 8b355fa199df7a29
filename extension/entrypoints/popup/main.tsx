import { render } from 'preact';
import '../../ui/page.css';
import { mountPage } from '../../ui/mount.ts';
import { Popup } from '../../ui/popup.tsx';

mountPage(() => render(<Popup />, document.getElementById('app') as HTMLElement));
