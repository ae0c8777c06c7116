// The widget's browser cases (tests/js/browsers/cases.mjs) in Firefox: Debian's
// firefox-esr over WebDriver BiDi with puppeteer-core.
import { browserTests } from './browsers/cases.mjs';
import * as firefox from './browsers/firefox.mjs';

browserTests(firefox);
