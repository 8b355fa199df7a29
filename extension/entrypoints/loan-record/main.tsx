import { render } from 'preact';
import '../../ui/page.css';
import { LoanRecordPage } from '../../ui/loan-record-page.tsx';
import { mountPage } from '../../ui/mount.ts';

mountPage(() => render(<LoanRecordPage />, document.getElementById('app') as HTMLElement));
