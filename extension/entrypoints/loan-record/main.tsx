import { render } from 'preact';
import '../../core/ui/page.css';
import { mountPage } from '../../core/ui/mount.ts';
import { LoanRecordPage } from '../../modes/loan/record-page.tsx';

mountPage(() => render(<LoanRecordPage />, document.getElementById('app') as HTMLElement));
