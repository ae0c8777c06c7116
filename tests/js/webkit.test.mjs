// The widget's browser cases (tests/js/browsers/cases.mjs) in WebKit: Debian's
// webkit2gtk MiniBrowser under xvfb-run, over W3C WebDriver (WebKitWebDriver).
import { browserTests } from './browsers/cases.mjs';
import * as webkit from './browsers/webkit.mjs';

browserTests(webkit);
