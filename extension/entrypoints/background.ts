import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../core/background/index.ts';

export default defineBackground(() => startBackground());
